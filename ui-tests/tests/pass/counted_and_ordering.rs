// A default ordering (by column, by foreign key field, descending) and
// per-parent counts, on a self relation and a many-to-many. (The
// integration suite includes this file and runs `main`.)
use related::Dialect;
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(ordering = "parent, -name")]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub parent: Option<ForeignKey<Category>>,
    #[related(reverse = Category::parent)]
    pub children: Reverse<Category>,
    pub child_count: Counted<Self>,
    pub tags: ManyToMany<Tag>,
    pub tag_count: Counted<Tag>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

pub fn main() {
    let q = Category::query()
        .count_related(Category::children(), Category::child_count())
        .count_related_where(Category::tags(), Tag::name().ne("x"), Category::tag_count())
        .prefetch(
            Prefetch::new(Category::children())
                .count_related(Category::children(), Category::child_count()),
        );
    let plan = q.plan(Dialect::Sqlite);
    assert_eq!(plan.len(), 5);
    assert!(
        plan[0]
            .sql
            .ends_with(r#" ORDER BY "category"."parent_id", "category"."name" DESC"#)
    );
    assert_eq!(
        Category::info().ordering,
        &[("parent_id", false), ("name", true)]
    );
}
