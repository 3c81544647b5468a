// `#[derive(Column)]` stores one value; a struct of several is stored as
// JSON. One error: the model's field of this type adds none.
#[derive(Clone, Debug, related::Column)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[derive(Clone, Debug, related::Model)]
pub struct Place {
    pub id: i64,
    pub at: Point,
}

fn main() {}
