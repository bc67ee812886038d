//! Builds a history of N events fast, in one process, for the history benchmarks
//! (`scripts/bench-history.sh`): `make_history DIR N [SIGNING_KEY]` makes (or reuses) the store
//! in DIR and appends N `user.add` events as `admin`, each signed with SIGNING_KEY when given
//! (a secret key of admin's already registered in the store). Through the library's own
//! operations, so every event is written, applied and (in a git work tree) shared exactly as
//! the CLI does it; only the process start per event is saved.

use std::path::PathBuf;

use relmgr::model::UserId;
use relmgr::ops::{Session, keys, user};
use relmgr::store::Store;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("DIR"));
    let n: usize = args.next().expect("N").parse()?;
    let key = args.next().map(PathBuf::from);
    let store = Store::open(&dir.join(".relmgr"))?;
    let mut s = Session::new(store, Some("admin".into()))?;
    if let Some(k) = key {
        let signer = keys::load_signer(&s, &k, &mut |_: &str| Ok(String::new()))?;
        s.use_signer(signer);
    }
    let start = relmgr::store::events::count(s.store.db())?;
    for i in 0..n {
        let id: UserId = format!("u{}-{i}", start).parse()?;
        user::add(
            &mut s,
            user::NewUser {
                id,
                name: None,
                email: None,
                service: false,
                consent: false,
            },
        )?;
    }
    Ok(())
}
