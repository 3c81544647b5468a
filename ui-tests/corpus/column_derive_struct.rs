// Mistake: derive(Column) on a struct of two fields
// expect: Column
// fix: Json<Point>
use related::prelude::*;
#[derive(Clone, Debug, related::Column)]
pub struct Point { pub x: i32, pub y: i32 }
#[derive(Clone, Debug, related::Model)]
pub struct Place { pub id: i64, pub at: Point }
fn main() {}
