#[derive(Clone, related::Column)]
#[related(rename_all = "camelCase")]
pub enum Unknown {
    A,
}

#[derive(Clone, related::Column)]
pub enum WithFields {
    Plain,
    Data(i64),
}

#[derive(Clone, related::Column)]
#[related(rename_all = "lowercase")]
pub enum SameText {
    Draft,
    #[related(rename = "draft")]
    Other,
}

#[derive(Clone, related::Column)]
pub struct TwoFields(i64, i64);

#[derive(Clone, related::Column)]
#[related(integer)]
pub enum RenamedInteger {
    #[related(rename = "one")]
    One = 1,
}

fn main() {}
