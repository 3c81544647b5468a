use related::Json;

#[derive(Clone, Debug, PartialEq, PartialOrd, related::Column)]
pub struct Score(f64);

#[derive(Clone, Debug, related::Model)]
pub struct Document {
    pub id: Json<Vec<i64>>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Ranking {
    pub id: Score,
}

#[derive(Clone, Debug, related::Model)]
pub struct Flag {
    pub id: bool,
}

fn main() {}
