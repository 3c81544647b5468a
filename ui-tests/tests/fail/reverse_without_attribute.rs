use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub posts: Reverse<Post>,
    pub profile: ReverseOne<Profile>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Profile {
    pub id: i64,
    pub author: OneToOne<Author>,
}

fn main() {}
