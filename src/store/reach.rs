//! Who may reach whom. Every path that lets one person reach another (friend requests,
//! messages, drawing-session invites, co-authorship, profile views, presence) asks [`decide`],
//! so the rules live here once and the handlers only explain a refusal.
//!
//! | from → to | friend request | message | invite / co-author | profile | presence |
//! |---|---|---|---|---|---|
//! | child → child | yes; waits for the target's grown-up from outside their classes | friends (and classmates if the grown-ups allow), never if either grown-up said nobody | friends | privacy rules | friends |
//! | linked parent ↔ own child | no need (already connected) | yes | yes | yes | yes |
//! | approved teacher ↔ child in their class | no | no | yes (class work) | yes | yes |
//! | any other adult ↔ child | no | no | no | no | no |
//! | adult ↔ adult | yes | friends | friends | privacy rules | friends |
//!
//! A pending teacher counts as an unrelated adult. Admins moderate from the admin console, not
//! through these paths, so they are unrelated adults here too (profiles excepted).

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::accounts::Role;

/// A way one person reaches another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    FriendRequest,
    Message,
    /// A drawing-session invite or a co-authorship request.
    Invite,
    Profile,
    Presence,
}

/// The policy's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Allowed,
    /// Allowed once the target's linked grown-up says yes (friend requests only).
    NeedsGuardian,
    /// Not allowed; `why` says which rule, for the handler's message.
    Refused(Why),
}

/// Why a reach was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// One of them is a child and the other an adult who is not theirs.
    ChildAndAdult,
    /// A linked parent needs no friend request.
    AlreadyFamily,
    /// The rule needs friends.
    NotFriends,
    /// A child's grown-up turned this off.
    GuardianSaidNo,
    /// The profile's privacy hides it.
    Private,
    /// No such active person (or it is oneself).
    NoOne,
}

/// What the policy needs to know about one person.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    pub id: i64,
    pub role: Role,
    pub approved: bool,
}

impl Person {
    fn child(&self) -> bool {
        self.role == Role::Child
    }
}

/// A person by id, if their account is active.
pub fn person(c: &Connection, id: i64) -> rusqlite::Result<Option<Person>> {
    c.prepare_cached(
        "SELECT role, pending_approval FROM users WHERE id = ?1 AND status = 'active'",
    )?
    .query_row([id], |r| {
        let role: String = r.get(0)?;
        Ok(Person {
            id,
            role: Role::parse(&role).unwrap_or(Role::Child),
            approved: r.get::<_, i64>(1)? == 0,
        })
    })
    .optional()
}

/// A linked parent's rules for a child (the defaults when none are saved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildRules {
    pub friends_need_ok: bool,
    pub who_may_message: String,
    /// No sounds or music for this child (a parent said so).
    pub quiet: bool,
}

impl Default for ChildRules {
    fn default() -> Self {
        ChildRules {
            friends_need_ok: true,
            who_may_message: "friends".into(),
            quiet: false,
        }
    }
}

/// A child's rules.
pub fn child_rules(c: &Connection, child: i64) -> rusqlite::Result<ChildRules> {
    Ok(c.prepare_cached(
        "SELECT friends_need_ok, who_may_message, quiet FROM child_rules WHERE child_id = ?1",
    )?
    .query_row([child], |r| {
        Ok(ChildRules {
            friends_need_ok: r.get::<_, i64>(0)? != 0,
            who_may_message: r.get(1)?,
            quiet: r.get::<_, i64>(2)? != 0,
        })
    })
    .optional()?
    .unwrap_or_default())
}

/// Saves a child's rules.
pub fn set_child_rules(c: &Connection, child: i64, rules: &ChildRules) -> rusqlite::Result<()> {
    c.execute(
        "INSERT INTO child_rules (child_id, friends_need_ok, who_may_message, updated_at, quiet) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (child_id) DO UPDATE SET friends_need_ok = ?2, who_may_message = ?3, updated_at = ?4, quiet = ?5",
        params![child, rules.friends_need_ok, rules.who_may_message, crate::time::now(), rules.quiet],
    )?;
    Ok(())
}

/// True when `parent` is a linked parent of `child`.
pub fn is_parent_of(c: &Connection, parent: i64, child: i64) -> rusqlite::Result<bool> {
    c.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM family_links WHERE parent_id = ?1 AND child_id = ?2)",
    )?
    .query_row(params![parent, child], |r| r.get(0))
}

/// A child's linked parents.
pub fn guardians(c: &Connection, child: i64) -> rusqlite::Result<Vec<i64>> {
    c.prepare_cached("SELECT parent_id FROM family_links WHERE child_id = ?1")?
        .query_map([child], |r| r.get(0))?
        .collect()
}

/// True when `child` has at least one linked parent.
pub fn has_guardian(c: &Connection, child: i64) -> rusqlite::Result<bool> {
    c.prepare_cached("SELECT EXISTS (SELECT 1 FROM family_links WHERE child_id = ?1)")?
        .query_row([child], |r| r.get(0))
}

/// Who says yes to a child's new friends from outside their classes: the linked parents; for a
/// child a class made (its roster) whom no parent has linked yet, the class's teacher (an
/// approved one; an archived class's too: the year ending does not leave the child alone).
pub fn carers(c: &Connection, child: i64) -> rusqlite::Result<Vec<i64>> {
    let parents = guardians(c, child)?;
    if !parents.is_empty() {
        return Ok(parents);
    }
    c.prepare_cached(
        "SELECT DISTINCT k.teacher_id FROM class_members m JOIN classes k ON k.id = m.class_id
           JOIN users t ON t.id = k.teacher_id
          WHERE m.user_id = ?1 AND m.managed = 1 AND t.pending_approval = 0 AND t.status = 'active'",
    )?
    .query_map([child], |r| r.get(0))?
    .collect()
}

/// True when a grown-up answers for the child's new friends: a linked parent, or a class that
/// made the account (even while its teacher cannot answer: the request waits rather than
/// reaching the child unchecked).
pub fn looked_after(c: &Connection, child: i64) -> rusqlite::Result<bool> {
    c.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM family_links WHERE child_id = ?1)
             OR EXISTS (SELECT 1 FROM class_members WHERE user_id = ?1 AND managed = 1)",
    )?
    .query_row([child], |r| r.get(0))
}

/// The children `grown_up` answers friend requests for (see [`carers`]), as SQL selecting
/// child ids with the grown-up's id as `?1`.
pub const CARED_FOR: &str = "SELECT child_id FROM family_links WHERE parent_id = ?1
    UNION
    SELECT m.user_id FROM class_members m JOIN classes k ON k.id = m.class_id
      JOIN users t ON t.id = k.teacher_id
     WHERE k.teacher_id = ?1 AND m.managed = 1 AND t.pending_approval = 0 AND t.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM family_links l WHERE l.child_id = m.user_id)";

/// True when `teacher` teaches a class `student` belongs to.
pub fn teaches(c: &Connection, teacher: i64, student: i64) -> rusqlite::Result<bool> {
    c.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM classes k JOIN class_members m ON m.class_id = k.id
                        WHERE k.teacher_id = ?1 AND m.user_id = ?2)",
    )?
    .query_row(params![teacher, student], |r| r.get(0))
}

/// True when both are members of one class.
pub fn classmates(c: &Connection, a: i64, b: i64) -> rusqlite::Result<bool> {
    c.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM class_members x JOIN class_members y ON y.class_id = x.class_id
                        WHERE x.user_id = ?1 AND y.user_id = ?2)",
    )?
    .query_row(params![a, b], |r| r.get(0))
}

/// True when `a` and `b` are friends.
pub fn are_friends(c: &Connection, a: i64, b: i64) -> rusqlite::Result<bool> {
    c.prepare_cached("SELECT EXISTS (SELECT 1 FROM friends WHERE user_id = ?1 AND friend_id = ?2)")?
        .query_row(params![a, b], |r| r.get(0))
}

/// How an adult and a child are related, if at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tie {
    Parent,
    Teacher,
    None,
}

fn tie(c: &Connection, adult: &Person, child: &Person) -> rusqlite::Result<Tie> {
    Ok(match adult.role {
        Role::Parent if is_parent_of(c, adult.id, child.id)? => Tie::Parent,
        Role::Teacher if adult.approved && teaches(c, adult.id, child.id)? => Tie::Teacher,
        _ => Tie::None,
    })
}

/// Whether `from` may reach `to` in this way. Ids of missing or inactive people are refused.
pub fn decide(c: &Connection, from: i64, to: i64, way: Way) -> rusqlite::Result<Reach> {
    if from == to {
        return Ok(Reach::Refused(Why::NoOne));
    }
    let (Some(a), Some(b)) = (person(c, from)?, person(c, to)?) else {
        return Ok(Reach::Refused(Why::NoOne));
    };
    decide_between(c, &a, &b, way)
}

/// [`decide`] for two people already loaded.
pub fn decide_between(c: &Connection, a: &Person, b: &Person, way: Way) -> rusqlite::Result<Reach> {
    use Reach::{Allowed, NeedsGuardian, Refused};
    match (a.child(), b.child()) {
        (true, true) => match way {
            Way::FriendRequest => {
                let waits = looked_after(c, b.id)?
                    && child_rules(c, b.id)?.friends_need_ok
                    && !classmates(c, a.id, b.id)?;
                Ok(if waits { NeedsGuardian } else { Allowed })
            }
            Way::Message => {
                let ra = child_rules(c, a.id)?;
                let rb = child_rules(c, b.id)?;
                if ra.who_may_message == "nobody" || rb.who_may_message == "nobody" {
                    return Ok(Refused(Why::GuardianSaidNo));
                }
                if are_friends(c, a.id, b.id)? {
                    return Ok(Allowed);
                }
                let classmates_ok = ra.who_may_message == "friends_and_classmates"
                    && rb.who_may_message == "friends_and_classmates";
                Ok(if classmates_ok && classmates(c, a.id, b.id)? {
                    Allowed
                } else {
                    Refused(Why::NotFriends)
                })
            }
            Way::Invite | Way::Presence => Ok(if are_friends(c, a.id, b.id)? {
                Allowed
            } else {
                Refused(Why::NotFriends)
            }),
            // Privacy settings decide between children; the caller applies them.
            Way::Profile => Ok(Allowed),
        },
        (false, false) => match way {
            Way::FriendRequest | Way::Profile => Ok(Allowed),
            Way::Message | Way::Invite | Way::Presence => Ok(if are_friends(c, a.id, b.id)? {
                Allowed
            } else {
                Refused(Why::NotFriends)
            }),
        },
        (child_first, _) => {
            let (adult, child) = if child_first { (b, a) } else { (a, b) };
            let tie = tie(c, adult, child)?;
            Ok(match (way, tie) {
                (Way::FriendRequest, Tie::Parent) => Refused(Why::AlreadyFamily),
                (Way::FriendRequest, _) => Refused(Why::ChildAndAdult),
                (Way::Message, Tie::Parent) => Allowed,
                (Way::Message, _) => Refused(Why::ChildAndAdult),
                (Way::Invite | Way::Profile | Way::Presence, Tie::Parent | Tie::Teacher) => Allowed,
                // An admin reads any profile for moderation.
                (Way::Profile, Tie::None) if a.role == Role::Admin => Allowed,
                (_, Tie::None) => Refused(Why::ChildAndAdult),
            })
        }
    }
}

/// Everyone who may see `user` come online: friends the policy allows, plus a child's linked
/// parents and teachers.
pub fn presence_audience(c: &Connection, user: i64) -> rusqlite::Result<Vec<i64>> {
    c.prepare_cached(
        "SELECT f.friend_id FROM friends f JOIN users me ON me.id = ?1 JOIN users o ON o.id = f.friend_id
          WHERE f.user_id = ?1 AND ((me.role = 'child') = (o.role = 'child')
                OR EXISTS (SELECT 1 FROM family_links l WHERE (l.parent_id = me.id AND l.child_id = o.id)
                                                          OR (l.parent_id = o.id AND l.child_id = me.id)))
         UNION SELECT l.parent_id FROM family_links l WHERE l.child_id = ?1
         UNION SELECT l.child_id FROM family_links l WHERE l.parent_id = ?1
         UNION SELECT k.teacher_id FROM classes k JOIN class_members m ON m.class_id = k.id
               JOIN users t ON t.id = k.teacher_id
          WHERE m.user_id = ?1 AND t.pending_approval = 0",
    )?
    .query_map([user], |r| r.get(0))?
    .collect()
}

/// True when `user` may sit in a drawing room with each of `others`: a child and an adult share
/// a room only when the adult is the child's linked parent or teacher. Children who are not
/// friends may share one (a class passes a join code around).
pub fn may_share_room(c: &Connection, user: i64, others: &[i64]) -> rusqlite::Result<bool> {
    let Some(me) = person(c, user)? else {
        return Ok(false);
    };
    for &other in others {
        if other == user {
            continue;
        }
        let Some(o) = person(c, other)? else { continue };
        if me.child() == o.child() {
            continue;
        }
        let (adult, child) = if me.child() { (&o, &me) } else { (&me, &o) };
        if tie(c, adult, child)? == Tie::None {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether a notification with `actor` may reach `recipient`: never from an adult who is not
/// a child's parent or teacher (a like or a comment on a public story must not become a way
/// to get a name in front of a child). Admins moderate, so their notices arrive.
pub fn may_notify(c: &Connection, actor: i64, recipient: i64) -> rusqlite::Result<bool> {
    let (Some(a), Some(r)) = (person(c, actor)?, person(c, recipient)?) else {
        return Ok(true);
    };
    if !r.child() || a.child() || a.role == Role::Admin {
        return Ok(true);
    }
    Ok(tie(c, &a, &r)? != Tie::None)
}
