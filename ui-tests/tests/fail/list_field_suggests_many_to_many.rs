// `Vec<Tag>` reads like a to-many relation; it is no column type.
#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub tags: Vec<Tag>,
}

fn main() {}
