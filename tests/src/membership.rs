//! A many-to-many whose link table is a model of its own (an explicit
//! through model, Django's `ManyToManyField(through=...)`): `Membership`
//! has its own key and a column beside the two keys.

use related::prelude::*;

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "club_member")]
pub struct Member {
    pub id: i64,
    pub name: String,
    #[related(
        through = "club_membership",
        source_column = "member_id",
        target_column = "club_id"
    )]
    pub clubs: ManyToMany<Club>,
    #[related(reverse = Membership::member)]
    pub memberships: Reverse<Membership>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "club_club")]
pub struct Club {
    pub id: i64,
    pub name: String,
    #[related(reverse = Member::clubs)]
    pub members: Reverse<Member>,
}

/// The rows of the link table of `Member::clubs`.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "club_membership")]
pub struct Membership {
    pub id: i64,
    pub member: ForeignKey<Member>,
    pub club: ForeignKey<Club>,
    pub role: String,
}

/// The models, the through model last.
pub fn models() -> Vec<&'static related::ModelInfo> {
    vec![Member::info(), Club::info(), Membership::info()]
}

/// Whether member `m` is in club `c`, and with which role.
pub fn role(m: i64, c: i64) -> Option<&'static str> {
    match (m + c) % 3 {
        0 => Some("chair"),
        1 => Some("member"),
        _ => None,
    }
}

/// 4 members, 3 clubs, memberships by [`role`]; the tables must exist.
pub fn fill(db: &crate::harness::Db) -> related::Result<()> {
    for id in 1..=4 {
        db.insert(&Member {
            id,
            name: format!("Member {id}"),
            clubs: Default::default(),
            memberships: Default::default(),
        })?;
    }
    for id in 1..=3 {
        db.insert(&Club {
            id,
            name: format!("Club {id}"),
            members: Default::default(),
        })?;
    }
    let mut id = 100;
    for m in 1..=4 {
        for c in 1..=3 {
            if let Some(role) = role(m, c) {
                id += 1;
                db.insert(&Membership {
                    id,
                    member: ForeignKey::new(m),
                    club: ForeignKey::new(c),
                    role: role.to_owned(),
                })?;
            }
        }
    }
    Ok(())
}
