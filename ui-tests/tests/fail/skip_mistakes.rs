// `#[related(skip)]` mistakes: a type without `Default`, a key that says
// how the field is stored, and SeaORM's `ignore` for `skip`. One error each.
#[derive(Clone, Debug)]
pub struct Handle(u8);

#[derive(Clone, Debug, related::Model)]
pub struct NoDefault {
    pub id: i64,
    #[related(skip)]
    pub handle: Handle,
}

#[derive(Clone, Debug, related::Model)]
pub struct WithColumn {
    pub id: i64,
    #[related(skip, column = "cache")]
    pub cache: Vec<String>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Ignored {
    pub id: i64,
    #[related(ignore)]
    pub cache: Vec<String>,
}

fn main() {}
