#[derive(Clone, Debug, related::Model)]
pub struct Counter {
    pub id: i64,
    // SQLite and PostgreSQL have no unsigned 64-bit integer.
    pub hits: u64,
    pub maybe_hits: Option<u64>,
}

fn main() {}
