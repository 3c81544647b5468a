#[derive(Clone, Debug, related::Model)]
pub enum Status {
    Draft,
    Published,
}

#[derive(Clone, Debug, related::Model)]
pub struct Pair(i64, String);

#[derive(Clone, Debug, related::Model)]
pub struct Wrapper<T> {
    pub id: i64,
    pub value: T,
}

#[derive(Clone, Debug, related::Model)]
pub struct Borrowed<'a> {
    pub id: i64,
    pub title: &'a str,
}

fn main() {}
