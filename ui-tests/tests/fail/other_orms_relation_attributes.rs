// Relation attributes of other ORMs (SeaORM's and Diesel's `belongs_to`,
// `has_many`, ...): each says which field type is the relation here.
#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    #[related(has_many = "Post")]
    pub posts: Vec<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(belongs_to = "Author")]
    pub author_id: i64,
    #[related(many_to_many = "Tag")]
    pub tags: Vec<Tag>,
}

fn main() {}
