// `Option<OneToOne<T>>`: a nullable unique key column.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Profile {
    pub id: i64,
    pub bio: Option<String>,
}

#[derive(Clone, Debug, related::Model)]
pub struct User {
    pub id: i32,
    pub profile: Option<OneToOne<Profile>>,
}

fn main() {
    let _ = User::query().select_related(User::profile());
    let _ = User::query().filter(User::profile_id().is_not_null());

    let profile = &User::info().columns[1];
    assert!(profile.unique && profile.nullable);
    assert_eq!(
        (User::info().relations[0])().kind,
        related::RelationKind::OneToOne { column: "profile_id", nullable: true }
    );
}
