// A `Column` enum stores which unit variant a value is: a variant with
// fields is one error naming it.
#[derive(Clone, Debug, PartialEq, related::Column)]
pub enum Amount {
    Cents(i64),
    Free,
}

fn main() {}
