//! The 50-model, 100-relation schema of BENCHMARKS.md with 100 typed
//! queries, one of 16 relations 8 levels deep, as
//! `runtime/benches/compile/gen.py --queries 100 --recursion-limit 0`
//! writes it: it builds with rustc's default recursion limit (models are
//! proven `Send + Sync` without walking the graph of relations).

#![allow(dead_code)]

use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(table = "m00")]
pub struct M00 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    #[related(reverse = M01::parent)]
    pub children: Reverse<M01>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m01")]
pub struct M01 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M00>,
    #[related(reverse = M03::parent)]
    pub children: Reverse<M03>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m02")]
pub struct M02 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M00>,
    #[related(reverse = M05::parent)]
    pub children: Reverse<M05>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m03")]
pub struct M03 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M01>,
    pub grand: Option<ForeignKey<M00>>,
    #[related(reverse = M07::parent)]
    pub children: Reverse<M07>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m04")]
pub struct M04 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M01>,
    pub grand: Option<ForeignKey<M00>>,
    #[related(reverse = M09::parent)]
    pub children: Reverse<M09>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m05")]
pub struct M05 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M02>,
    pub grand: Option<ForeignKey<M00>>,
    #[related(reverse = M11::parent)]
    pub children: Reverse<M11>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m06")]
pub struct M06 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M02>,
    pub grand: Option<ForeignKey<M00>>,
    #[related(reverse = M13::parent)]
    pub children: Reverse<M13>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m07")]
pub struct M07 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M03>,
    pub grand: Option<ForeignKey<M01>>,
    #[related(reverse = M15::parent)]
    pub children: Reverse<M15>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m08")]
pub struct M08 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M03>,
    pub grand: Option<ForeignKey<M01>>,
    #[related(reverse = M17::parent)]
    pub children: Reverse<M17>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m09")]
pub struct M09 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M04>,
    pub grand: Option<ForeignKey<M01>>,
    #[related(reverse = M19::parent)]
    pub children: Reverse<M19>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m10")]
pub struct M10 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M04>,
    pub grand: Option<ForeignKey<M01>>,
    #[related(reverse = M21::parent)]
    pub children: Reverse<M21>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m11")]
pub struct M11 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M05>,
    pub grand: Option<ForeignKey<M02>>,
    #[related(reverse = M23::parent)]
    pub children: Reverse<M23>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m12")]
pub struct M12 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M05>,
    pub grand: Option<ForeignKey<M02>>,
    #[related(reverse = M25::parent)]
    pub children: Reverse<M25>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m13")]
pub struct M13 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M06>,
    pub grand: Option<ForeignKey<M02>>,
    pub twin: OneToOne<M10>,
    #[related(reverse = M27::parent)]
    pub children: Reverse<M27>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m14")]
pub struct M14 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M06>,
    pub twin: OneToOne<M11>,
    #[related(reverse = M29::parent)]
    pub children: Reverse<M29>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m15")]
pub struct M15 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M07>,
    pub twin: OneToOne<M12>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m16")]
pub struct M16 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M07>,
    pub twin: OneToOne<M13>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m17")]
pub struct M17 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M08>,
    pub twin: OneToOne<M14>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m18")]
pub struct M18 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M08>,
    pub twin: OneToOne<M15>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m19")]
pub struct M19 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M09>,
    pub twin: OneToOne<M16>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m20")]
pub struct M20 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M09>,
    pub twin: OneToOne<M17>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m21")]
pub struct M21 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M10>,
    pub twin: OneToOne<M18>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m22")]
pub struct M22 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M10>,
    pub twin: OneToOne<M19>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m23")]
pub struct M23 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M11>,
    #[related(through = "m23_peers")]
    pub peers: ManyToMany<M19>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m24")]
pub struct M24 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M11>,
    #[related(through = "m24_peers")]
    pub peers: ManyToMany<M20>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m25")]
pub struct M25 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M12>,
    #[related(through = "m25_peers")]
    pub peers: ManyToMany<M21>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m26")]
pub struct M26 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M12>,
    #[related(through = "m26_peers")]
    pub peers: ManyToMany<M22>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m27")]
pub struct M27 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M13>,
    #[related(through = "m27_peers")]
    pub peers: ManyToMany<M23>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m28")]
pub struct M28 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M13>,
    #[related(through = "m28_peers")]
    pub peers: ManyToMany<M24>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m29")]
pub struct M29 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M14>,
    #[related(through = "m29_peers")]
    pub peers: ManyToMany<M25>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m30")]
pub struct M30 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M14>,
    #[related(through = "m30_peers")]
    pub peers: ManyToMany<M26>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m31")]
pub struct M31 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M15>,
    #[related(through = "m31_peers")]
    pub peers: ManyToMany<M27>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m32")]
pub struct M32 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M15>,
    #[related(through = "m32_peers")]
    pub peers: ManyToMany<M28>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m33")]
pub struct M33 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M16>,
    #[related(through = "m33_peers")]
    pub peers: ManyToMany<M29>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m34")]
pub struct M34 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M16>,
    #[related(through = "m34_peers")]
    pub peers: ManyToMany<M30>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m35")]
pub struct M35 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M17>,
    #[related(through = "m35_peers")]
    pub peers: ManyToMany<M31>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m36")]
pub struct M36 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M17>,
    #[related(through = "m36_peers")]
    pub peers: ManyToMany<M32>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m37")]
pub struct M37 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M18>,
    #[related(through = "m37_peers")]
    pub peers: ManyToMany<M33>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m38")]
pub struct M38 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M18>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m39")]
pub struct M39 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M19>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m40")]
pub struct M40 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M19>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m41")]
pub struct M41 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M20>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m42")]
pub struct M42 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M20>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m43")]
pub struct M43 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M21>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m44")]
pub struct M44 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M21>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m45")]
pub struct M45 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M22>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m46")]
pub struct M46 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M22>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m47")]
pub struct M47 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M23>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m48")]
pub struct M48 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M23>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "m49")]
pub struct M49 {
    pub id: i64,
    pub name: String,
    pub score: Option<f64>,
    pub parent: ForeignKey<M24>,
}

// 100 distinct queries (typed rows, `fetch`),
// type-checked, never called. The last loads 16 relations 8 levels deep.

pub fn q001(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M01::query().select_related(M01::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q002(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M07::query().select_related(M07::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q003(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().select_related(M13::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q004(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M19::query().select_related(M19::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q005(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M25::query().select_related(M25::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q006(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M31::query().select_related(M31::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q007(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M37::query().select_related(M37::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q008(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M43::query().select_related(M43::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q009(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M49::query().select_related(M49::parent()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id).sum())
}

pub fn q010(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M03::query().select_related(M03::grand()).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id)).sum())
}

pub fn q011(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M05::query().select_related(M05::grand()).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id)).sum())
}

pub fn q012(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M07::query().select_related(M07::grand()).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id)).sum())
}

pub fn q013(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M09::query().select_related(M09::grand()).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id)).sum())
}

pub fn q014(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M11::query().select_related(M11::grand()).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id)).sum())
}

pub fn q015(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().select_related(M13::grand()).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id)).sum())
}

pub fn q016(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().select_related(M13::twin()).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().id).sum())
}

pub fn q017(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M16::query().select_related(M16::twin()).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().id).sum())
}

pub fn q018(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M19::query().select_related(M19::twin()).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().id).sum())
}

pub fn q019(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M22::query().select_related(M22::twin()).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().id).sum())
}

pub fn q020(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M49::query().select_related(M49::parent().then(M24::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().id).sum())
}

pub fn q021(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().id).sum())
}

pub fn q022(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M49::query().select_related(M49::parent().then(M24::parent().then(M11::parent()))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().parent().id).sum())
}

pub fn q023(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::parent().then(M10::parent()))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().parent().id).sum())
}

pub fn q024(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M49::query().select_related(M49::parent().then(M24::parent().then(M11::parent().then(M05::parent())))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().parent().parent().id).sum())
}

pub fn q025(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::parent().then(M10::parent().then(M04::parent())))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().parent().parent().id).sum())
}

pub fn q026(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M49::query().select_related(M49::parent().then(M24::parent().then(M11::parent().then(M05::parent().then(M02::parent()))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().parent().parent().parent().id).sum())
}

pub fn q027(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::parent().then(M10::parent().then(M04::parent().then(M01::parent()))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().parent().parent().parent().id).sum())
}

pub fn q028(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::twin().then(M19::parent().then(M09::parent().then(M04::parent().then(M01::parent())))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().parent().parent().parent().parent().id).sum())
}

pub fn q029(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M46::query().select_related(M46::parent().then(M22::twin().then(M19::parent().then(M09::parent().then(M04::parent().then(M01::parent())))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().parent().parent().parent().parent().id).sum())
}

pub fn q030(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::parent().then(M07::parent().then(M03::parent().then(M01::parent()))))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().twin().parent().parent().parent().parent().id).sum())
}

pub fn q031(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M46::query().select_related(M46::parent().then(M22::twin().then(M19::twin().then(M16::parent().then(M07::parent().then(M03::parent().then(M01::parent()))))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().twin().parent().parent().parent().parent().id).sum())
}

pub fn q032(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::parent().then(M04::parent().then(M01::parent())))))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().twin().twin().twin().parent().parent().parent().id).sum())
}

pub fn q033(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M46::query().select_related(M46::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::parent().then(M04::parent().then(M01::parent())))))))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().twin().twin().twin().parent().parent().parent().id).sum())
}

pub fn q034(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().select_related(M13::parent().then(M06::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().grand().map_or(0, |x| x.id)).sum())
}

pub fn q035(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M17::query().select_related(M17::parent().then(M08::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().grand().map_or(0, |x| x.id)).sum())
}

pub fn q036(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M21::query().select_related(M21::parent().then(M10::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().grand().map_or(0, |x| x.id)).sum())
}

pub fn q037(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M25::query().select_related(M25::parent().then(M12::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().grand().map_or(0, |x| x.id)).sum())
}

pub fn q038(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().select_related(M13::twin().then(M10::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().grand().map_or(0, |x| x.id)).sum())
}

pub fn q039(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M14::query().select_related(M14::twin().then(M11::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().grand().map_or(0, |x| x.id)).sum())
}

pub fn q040(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M16::query().select_related(M16::twin().then(M13::grand())).fetch(db)?;
    Ok(rows.iter().map(|r| r.twin().grand().map_or(0, |x| x.id)).sum())
}

pub fn q041(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M00::query().prefetch_related(M00::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q042(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M03::query().prefetch_related(M03::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q043(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M06::query().prefetch_related(M06::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q044(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M09::query().prefetch_related(M09::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q045(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M12::query().prefetch_related(M12::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q046(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M23::query().prefetch_related(M23::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q047(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M26::query().prefetch_related(M26::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q048(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M29::query().prefetch_related(M29::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q049(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M32::query().prefetch_related(M32::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q050(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M35::query().prefetch_related(M35::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q051(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M00::query().prefetch_related(M00::children().then(M01::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q052(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M01::query().prefetch_related(M01::children().then(M03::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q053(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M02::query().prefetch_related(M02::children().then(M05::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q054(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M03::query().prefetch_related(M03::children().then(M07::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q055(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M04::query().prefetch_related(M04::children().then(M09::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q056(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M05::query().prefetch_related(M05::children().then(M11::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q057(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M06::query().prefetch_related(M06::children().then(M13::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q058(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M00::query().prefetch_related(M00::children().then(M01::children().then(M03::children()))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q059(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M01::query().prefetch_related(M01::children().then(M03::children().then(M07::children()))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q060(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M02::query().prefetch_related(M02::children().then(M05::children().then(M11::children()))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q061(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M00::query().prefetch_related(M00::children().then(M01::children().then(M03::children().then(M07::children())))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q062(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M01::query().prefetch_related(M01::children().then(M03::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q063(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M04::query().prefetch_related(M04::children().then(M09::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q064(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M09::query().prefetch_related(M09::children().then(M19::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q065(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M24::query().prefetch_related(M24::peers().then(M20::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q066(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M29::query().prefetch_related(M29::peers().then(M25::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q067(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M33::query().prefetch_related(M33::peers().then(M29::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q068(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M37::query().prefetch_related(M37::peers().then(M33::parent())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.parent().id).sum::<i64>()).sum())
}

pub fn q069(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M25::query().prefetch_related(M25::peers().then(M21::twin())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.twin().id).sum::<i64>()).sum())
}

pub fn q070(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M26::query().prefetch_related(M26::peers().then(M22::twin())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.twin().id).sum::<i64>()).sum())
}

pub fn q071(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M11::query().prefetch_related(M11::children().then(M23::peers())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.peers().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q072(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M12::query().prefetch_related(M12::children().then(M25::peers())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.peers().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q073(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().prefetch_related(M13::children().then(M27::peers())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.peers().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q074(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M14::query().prefetch_related(M14::children().then(M29::peers())).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.peers().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q075(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M03::query().prefetch_related(M03::parent().then(M01::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q076(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M08::query().prefetch_related(M08::parent().then(M03::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q077(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M20::query().prefetch_related(M20::parent().then(M09::children())).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q078(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M01::query().prefetch(related::Prefetch::new(M01::children()).filter(M03::id().gt(78i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q079(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M04::query().prefetch(related::Prefetch::new(M04::children()).filter(M09::id().gt(79i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q080(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M07::query().prefetch(related::Prefetch::new(M07::children()).filter(M15::id().gt(80i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q081(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M10::query().prefetch(related::Prefetch::new(M10::children()).filter(M21::id().gt(81i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q082(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M13::query().prefetch(related::Prefetch::new(M13::children()).filter(M27::id().gt(82i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q083(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M24::query().prefetch(related::Prefetch::new(M24::peers()).filter(M20::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q084(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M27::query().prefetch(related::Prefetch::new(M27::peers()).filter(M23::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q085(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M30::query().prefetch(related::Prefetch::new(M30::peers()).filter(M26::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q086(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M33::query().prefetch(related::Prefetch::new(M33::peers()).filter(M29::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q087(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M36::query().prefetch(related::Prefetch::new(M36::peers()).filter(M32::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q088(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M00::query().prefetch_below(M00::children(), related::Prefetch::new(M01::children()).filter(M03::id().gt(88i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q089(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M02::query().prefetch_below(M02::children(), related::Prefetch::new(M05::children()).filter(M11::id().gt(89i64))).fetch(db)?;
    Ok(rows.iter().map(|r| r.children().iter().map(|x| x.children().iter().map(|x| x.id).sum::<i64>()).sum::<i64>()).sum())
}

pub fn q090(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M02::query().select_related(M02::parent()).prefetch_related(M02::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q091(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M05::query().select_related(M05::parent()).prefetch_related(M05::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q092(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M10::query().select_related(M10::parent()).prefetch_related(M10::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q093(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M14::query().select_related(M14::parent()).prefetch_related(M14::children()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().id + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q094(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M23::query().select_related(M23::parent().then(M11::parent())).prefetch_related(M23::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().id + r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q095(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M24::query().select_related(M24::parent().then(M11::parent())).prefetch_related(M24::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().id + r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q096(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M25::query().select_related(M25::parent().then(M12::parent())).prefetch_related(M25::peers()).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().parent().id + r.peers().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q097(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M03::query().select_related(M03::grand()).prefetch(related::Prefetch::new(M03::children()).filter(M07::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id) + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q098(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M06::query().select_related(M06::grand()).prefetch(related::Prefetch::new(M06::children()).filter(M13::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id) + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q099(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M12::query().select_related(M12::grand()).prefetch(related::Prefetch::new(M12::children()).filter(M25::score().is_not_null())).fetch(db)?;
    Ok(rows.iter().map(|r| r.grand().map_or(0, |x| x.id) + r.children().iter().map(|x| x.id).sum::<i64>()).sum())
}

pub fn q100(db: &impl related::Executor) -> related::Result<i64> {
    let rows = M45::query().select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::parent().then(M04::parent().then(M01::parent())))))))).prefetch_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::parent().then(M04::parent().then(M01::children())))))))).select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::parent().then(M04::grand()))))))).prefetch_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::parent().then(M04::children()))))))).select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::grand())))))).prefetch_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::twin().then(M10::children())))))).select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::parent()))))).select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::twin().then(M13::grand()))))).select_related(M45::parent().then(M22::twin().then(M19::twin().then(M16::parent())))).fetch(db)?;
    Ok(rows.iter().map(|r| r.parent().twin().twin().twin().twin().parent().parent().parent().id + r.parent().twin().twin().twin().twin().parent().parent().children().iter().map(|x| x.id).sum::<i64>() + r.parent().twin().twin().twin().twin().parent().grand().map_or(0, |x| x.id) + r.parent().twin().twin().twin().twin().parent().children().iter().map(|x| x.id).sum::<i64>() + r.parent().twin().twin().twin().twin().grand().map_or(0, |x| x.id) + r.parent().twin().twin().twin().twin().children().iter().map(|x| x.id).sum::<i64>() + r.parent().twin().twin().twin().parent().id + r.parent().twin().twin().twin().grand().map_or(0, |x| x.id) + r.parent().twin().twin().parent().id).sum())
}

fn main() {}
