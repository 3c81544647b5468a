// A foreign key field named like its column (Django's `author_id` attname).
#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author_id: related::ForeignKey<Author>,
}

fn main() {}
