// A relation to `Arc<Model>` (loaded rows are shared as `Arc` already): one
// error at the target naming the model to write.
use related::prelude::*;
use std::sync::Arc;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Arc<Author>>,
}

fn main() {}
