// Mistake: skip without Default
// expect: Handle
// fix: Default
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug)] pub struct Handle(u8); #[derive(Clone, Debug, related::Model)] pub struct Ev { pub id: i64, #[related(skip)] pub h: Handle } fn main() {}
