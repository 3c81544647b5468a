// `#[derive(Column)]` over a `u64`: one error at the inner type naming
// `i64`, not one per impl the derive writes (4 errors, 72 lines).
#[derive(Clone, Copy, Debug, PartialEq, related::Column)]
pub struct Cents(u64);

#[derive(Clone, Debug, related::Model)]
pub struct Product {
    pub id: i64,
    pub price: Cents,
}

fn main() {}
