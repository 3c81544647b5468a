// Mistake: a std::time::SystemTime column
// expect: SystemTime
// fix: chrono
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Event { pub id: i64, pub at: std::time::SystemTime } fn main() {}
