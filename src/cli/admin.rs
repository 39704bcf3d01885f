//! `pixeltales admin create|reset-password`.

use std::process::ExitCode;

use serde_json::json;

use super::{AdminAction, UserAction, open_db, read_new_password};
use crate::auth::passwords::Passwords;
use crate::auth::sessions;
use crate::config::Config;
use crate::db::pool::write_tx;
use crate::domain::accounts::{self, Role};
use crate::error::Error;
use crate::store::audit;
use crate::store::users::{self as store, NewUser};

pub(super) fn user(config: &Config, action: UserAction) -> Result<ExitCode, String> {
    let mut conn = open_db(config)?;
    match action {
        UserAction::Approve { username } => {
            let username = accounts::normalize_username(&username).map_err(|e| e.message)?;
            let id = write_tx(&mut conn, |tx| {
                let id: i64 = tx
                    .query_row(
                        "SELECT id FROM users WHERE username = ?1",
                        [&username],
                        |r| r.get(0),
                    )
                    .map_err(|_| Error::not_found("not_found", "no such user"))?;
                crate::store::admin::set_approved(tx, id, true, None, Some("cli"))?;
                Ok(id)
            })
            .map_err(|e| cli_error(&e))?;
            say!("approved teacher {username} (id {id})");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn run(config: &Config, action: AdminAction) -> Result<ExitCode, String> {
    let passwords = Passwords::new(config.argon2_memory_kib, config.argon2_iterations, 1)?;
    let mut conn = open_db(config)?;
    let now = crate::time::now();
    match action {
        AdminAction::Create {
            username,
            display_name,
        } => {
            let username = accounts::normalize_username(&username).map_err(|e| e.message)?;
            let display_name =
                accounts::validate_display_name(display_name.as_deref().unwrap_or(&username))
                    .map_err(|e| e.message)?;
            let password = read_new_password()?;
            accounts::validate_password("password", &password, Role::Admin)
                .map_err(|e| e.message)?;
            let password_hash = passwords
                .hash_blocking(&password)
                .map_err(|e| e.to_string())?;
            let new = NewUser {
                username: username.clone(),
                password_hash,
                role: Role::Admin,
                display_name,
                language: "en".into(),
            };
            let id = write_tx(&mut conn, |tx| {
                let id = store::insert(tx, &new, now)?;
                audit::record(
                    tx,
                    None,
                    "admin_created",
                    Some(("user", id.to_string())),
                    Some("cli"),
                    &json!({ "username": new.username }),
                )?;
                Ok(id)
            })
            .map_err(|e| cli_error(&e))?;
            say!("created admin {username} (id {id})");
        }
        AdminAction::ResetPassword { username } => {
            let username = accounts::normalize_username(&username).map_err(|e| e.message)?;
            let creds = store::credentials_by_username(&conn, &username)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("there is no account called {username}"))?;
            let role = Role::parse(&creds.role).unwrap_or(Role::Admin);
            let password = read_new_password()?;
            accounts::validate_password("password", &password, role).map_err(|e| e.message)?;
            let hash = passwords
                .hash_blocking(&password)
                .map_err(|e| e.to_string())?;
            let ended = write_tx(&mut conn, |tx| {
                store::set_password(tx, creds.id, &hash, now)?;
                let ended = sessions::revoke_all(tx, creds.id, "password_reset", now, None)?;
                audit::record(
                    tx,
                    None,
                    "password_reset",
                    Some(("user", creds.id.to_string())),
                    Some("cli"),
                    &json!({ "username": username }),
                )?;
                Ok(ended)
            })
            .map_err(|e| cli_error(&e))?;
            say!("password changed for {username}; {ended} session(s) signed out");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn cli_error(e: &Error) -> String {
    match e {
        Error::Internal(detail) => detail.clone(),
        other => other.message(),
    }
}
