// A `Json<T>` column whose document type lacks serde's derives: one error
// whose note names them.
#[derive(Clone, Debug)]
pub struct Meta {
    pub color: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Board {
    pub id: i64,
    pub meta: related::Json<Meta>,
}

fn main() {}
