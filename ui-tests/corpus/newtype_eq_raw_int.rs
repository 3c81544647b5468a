// Mistake: a newtype key column compared with a bare integer
// expect: id
// fix: AccountId(
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
pub struct AccountId(i64);
#[derive(Clone, Debug, related::Model)]
pub struct Account { pub id: AccountId, pub name: String }
fn main() { let n: i64 = 5; let _ = Account::query().filter(Account::id().eq(n)); }
