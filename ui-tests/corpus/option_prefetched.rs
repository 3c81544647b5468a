// Mistake: a Prefetched field wrapped in Option
// expect: Prefetched
// fix: Prefetched<Label>
#![allow(dead_code)]
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Label { pub id: i64, pub name: String }
#[derive(Clone, Debug, related::Model)]
pub struct Article { pub id: i64, pub labels: ManyToMany<Label>, pub hot_labels: Option<Prefetched<Label>> }
fn main() {}
