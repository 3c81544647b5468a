// Mistake: Django's symmetrical on a relation field.
// expect: symmetrical
// fix: Reverse
#[allow(unused_imports)]
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
    #[related(symmetrical = false)]
    pub friends: ManyToMany<Person>,
}
fn main() {}
