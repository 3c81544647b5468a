// Every mistake is reported in one build.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = 5)]
pub struct Post {
    pub post_id: i64,
    #[related(column = "post_id")]
    pub legacy_id: i64,
    #[related(through = "post_tags")]
    pub tag: ForeignKey<Tag>,
    pub tags: Option<ManyToMany<Tag>>,
    #[related(column = "x")]
    pub all_tags: ManyToMany<Tag>,
}

fn main() {}
