// Mistake: a generic model.
// expect: Note
// fix: generic
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note<T: Clone + Send + Sync + 'static> { pub id: i64, pub extra: std::marker::PhantomData<T> }
fn main() {}
