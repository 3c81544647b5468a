// Django's field options written as attributes: each says what it means here.
#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(max_length = 200)]
    pub title: String,
    #[related(null = true)]
    pub editor: related::ForeignKey<Author>,
    #[related(on_delete = "CASCADE")]
    pub author: related::ForeignKey<Author>,
}

fn main() {}
