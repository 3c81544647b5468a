// A relation must point at a model.
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct NotAModel {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<NotAModel>,
}

fn main() {}
