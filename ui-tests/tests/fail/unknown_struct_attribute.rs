#[derive(Clone, Debug, related::Model)]
#[related(tabel = "blog_post")]
pub struct Post {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
#[related(primary_key)]
pub struct Tag {
    pub id: i64,
}

fn main() {}
