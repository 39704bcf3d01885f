//! Decoding client frames: every kind, the request id, and refusals with codes.

use super::*;

#[test]
fn decodes_every_kind_and_keeps_the_id() {
    let f = decode(r#"{"type":"ping","id":"a1"}"#).expect("ping");
    assert!(matches!(f.msg, ClientMsg::Ping));
    assert_eq!(f.id.as_deref(), Some("a1"));
    let f = decode(r#"{"type":"collab.op","id":7,"session_id":3,"client_op_id":"c","op":{"kind":"title","text":"Hi"}}"#)
        .expect("op");
    assert_eq!(f.id.as_deref(), Some("7"));
    match f.msg {
        ClientMsg::Op { session_id, op, .. } => {
            assert_eq!(session_id, 3);
            assert_eq!(op.get(), r#"{"kind":"title","text":"Hi"}"#);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        decode(r#"{"type":"collab.join","session_id":1,"since_seq":4}"#).map(|f| f.msg),
        Ok(ClientMsg::Join {
            since_seq: Some(4),
            ..
        })
    ));
}

#[test]
fn bad_frames_get_codes_not_panics() {
    assert_eq!(decode("nope").err().map(|e| e.code), Some("bad_json"));
    assert_eq!(decode("[1]").err().map(|e| e.code), Some("bad_json"));
    assert_eq!(
        decode(r#"{"id":"x"}"#).err().map(|e| e.code),
        Some("bad_frame")
    );
    let e = decode(r#"{"type":"dance","id":"q"}"#).expect_err("unknown");
    assert_eq!((e.code, e.id.as_deref()), ("unknown_type", Some("q")));
    assert_eq!(
        decode(r#"{"type":"collab.cursor","session_id":1,"page_id":"p","x":"left","y":0}"#)
            .err()
            .map(|e| e.code),
        Some("bad_frame")
    );
    assert_eq!(
        decode(&format!(r#"{{"type":"ping","id":"{}"}}"#, "x".repeat(65)))
            .err()
            .map(|e| e.code),
        Some("bad_frame")
    );
    assert_eq!(
        decode(r#"{"type":"ping","id":[1]}"#).err().map(|e| e.code),
        Some("bad_frame")
    );
}
