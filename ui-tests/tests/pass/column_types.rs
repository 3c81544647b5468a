use related::prelude::*;
use related::Json;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
pub struct AccountId(i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, related::Column)]
#[related(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
#[related(integer)]
pub enum Priority {
    Low = 1,
    High = 2,
}

#[derive(Clone, Debug, related::Model)]
pub struct Account {
    pub id: AccountId,
    pub status: Status,
    pub maybe_status: Option<Status>,
    pub priority: Priority,
    pub small: u8,
    pub medium: Option<u32>,
    pub tiny: i8,
    pub settings: Json<Vec<String>>,
    #[related(reverse = Login::account)]
    pub logins: Reverse<Login>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Login {
    pub id: u32,
    pub account: ForeignKey<Account>,
}

fn main() {
    let _ = Account::query()
        .filter(Account::id().lt(AccountId(10)))
        .filter(Account::priority().ge(Priority::High))
        .filter(Account::status().is_in([Status::Draft]))
        .filter(Account::maybe_status().eq(None::<Status>))
        .filter(Account::small().gt(3u8))
        .filter(Account::settings().eq(Json(vec![])))
        .prefetch_related(Account::logins());
    let _ = Login::query().select_related(Login::account());
    let _ = Account::info();
}
