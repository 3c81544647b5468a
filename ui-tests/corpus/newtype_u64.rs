// Mistake: a derive(Column) newtype around u64
// expect: u64
// fix: i64
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, related::Column)]
pub struct Cents(u64);
#[derive(Clone, Debug, related::Model)]
pub struct Product { pub id: i64, pub price: Cents }
fn main() {}
