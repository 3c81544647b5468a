// A relation to `Box<Model>` or `&'static Model`, as one would write for a
// recursive type (a relation holds its rows behind an `Arc` already): one
// error at the target naming the model to write, for each field.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Box<Author>>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub author: ForeignKey<&'static Author>,
}

fn main() {}
