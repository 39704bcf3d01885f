//! The security regression suite: every hole from the research (features.md §5, realtime.md §7,
//! the issue, IDOR) and the test that shows the attack fails. Rows proven elsewhere point at
//! their test; the rest are proven in this suite (`this file::` below means one of the modules
//! of tests/security/).
//!
//! features.md §5:
//! - role_self_escalation_signup: tests/it/accounts.rs::nobody_can_make_themselves_admin_or_change_role
//! - role_self_escalation_profile: tests/it/accounts.rs::nobody_can_make_themselves_admin_or_change_role
//! - child_takeover_link_without_consent: tests/it/family.rs::linking_needs_a_code_from_the_child_and_it_works_once, tests/it/family.rs::family_and_class_limits_hold
//! - child_takeover_view_as: tests/it/family.rs::parents_set_privacy_reset_passwords_and_look_read_only, this file::a_parents_look_as_the_child_is_short_and_cannot_be_refreshed_or_write
//! - child_data_exposure: tests/it/family.rs::the_dashboard_shows_drafts_reading_and_activity_and_only_to_the_family, tests/it/family.rs::parents_set_privacy_reset_passwords_and_look_read_only
//! - login_brute_force: tests/it/accounts.rs::failed_logins_are_limited_per_account, ::logins_are_limited_per_ip, ::concurrent_guesses_cannot_slip_past_the_account_limit, ::visitors_behind_render_get_their_own_limits
//! - password_oracle: this file::guessing_the_current_password_is_rate_limited
//! - code_brute_force_link_class_collab: tests/it/family.rs::family_and_class_limits_hold, tests/it/collab.rs::guessing_join_codes_is_rate_limited
//! - reset_code_brute_force: this file::guessing_reset_codes_is_rate_limited_per_account_and_per_ip
//! - code_purpose_confusion: this file::a_link_code_is_not_a_reset_code_and_back
//! - reset_reactivates_account: this file::redeeming_a_reset_code_does_not_lift_a_suspension_or_an_archive
//! - register_over_inactive_account: this file::signing_up_with_an_inactive_accounts_username_is_refused
//! - token_lifetime_and_revocation: tests/it/accounts.rs::sign_up_login_and_me, ::password_change_ends_every_other_session, ::logout_ends_only_this_session, ::logout_all_ends_every_device_and_its_sockets, ::suspended_and_closed_accounts_cannot_act, tests/it/admin.rs::suspending_a_connected_user_closes_their_sockets_and_it_lifts_by_itself
//! - identity_email_username: n/a: no e-mail; usernames are chosen and unique (tests/it/accounts.rs::sign_up_validation_and_conflicts, ::wrong_credentials_do_not_reveal_which_part_was_wrong)
//! - signing_secret_forgery: tests/it/accounts.rs::the_data_dir_is_private_to_the_server_user, this file::a_token_from_another_install_is_refused_and_short_keys_stop_the_server
//! - admin_session_revocation: this file::a_demoted_or_logged_out_admin_loses_admin_access_at_once
//! - cors_csrf: tests/it/http.rs::bad_json_gets_a_clear_400, tests/it/http.rs::every_response_carries_security_headers, this file::no_cross_origin_access_is_granted_and_no_cookies_are_set
//! - error_detail_leak: tests/it/http.rs::bad_json_gets_a_clear_400, this file::error_answers_never_echo_parser_positions
//! - secrets_in_repo: n/a: the key is made at runtime in DATA_DIR, the LLM key comes from a file, no Redis; hygiene guard this file::the_repository_ships_no_databases_keys_or_env_files
//! - open_relay_llm: tests/it/assist.rs::a_model_server_writes_when_it_can_and_the_engine_when_it_cannot, ::the_starter_refuses_bad_input_and_is_limited, this file::a_client_cannot_pick_the_model_or_url_of_the_story_helper
//! - open_relay_url_fetch: n/a: the only outbound call goes to the operator's --llm-url; media only by upload (tests/it/assist.rs::a_photographed_page_becomes_text)
//! - ai_output_moderation: tests/it/assist.rs::a_model_server_writes_when_it_can_and_the_engine_when_it_cannot, tests/it/assist.rs::the_starter_refuses_bad_input_and_is_limited
//! - profanity_bypass: tests/it/stories.rs::bad_words_are_refused_in_every_story_field, tests/it/accounts.rs::display_names_with_disguised_profanity_are_refused, tests/it/reactions.rs::rude_comments_are_refused_and_comments_are_edited_only_by_their_author_or_an_admin, tests/it/collab.rs::written_text_in_ops_is_refused_before_anyone_sees_it_or_it_is_logged, tests/text_rule.rs (every field, disguised forms, personal details)
//! - privacy_enumeration: tests/it/social.rs::the_leaderboard_is_limited_to_friends_or_class_for_children, ::children_find_others_only_by_exact_username_or_through_a_class, ::profiles_respect_their_owners_privacy
//! - archived_users_visible: this file::archived_people_vanish_from_profiles_search_friends_messages_and_leaderboards
//! - xp_farming: tests/it/rewards.rs::publishing_pays_once_per_story_even_after_unpublishing, ::only_five_new_stories_a_day_pay_xp, ::a_like_pays_and_notifies_the_author_once_however_often_it_is_toggled
//! - game_answers_leak: tests/it/games.rs::publishing_makes_three_games_that_keep_their_answers_until_played
//! - avatar_unlock_bypass: tests/it/rewards.rs::avatar_borders_stay_locked_until_their_level
//! - view_rating_manipulation: tests/it/reactions.rs::views_count_once_per_reader_per_day_and_never_for_authors, ::ratings_are_one_per_reader_and_changeable
//! - publish_bypass_via_patch: this file::a_draft_cannot_be_published_or_reassigned_through_patch
//! - unbounded_bodies_and_messages: tests/it/http.rs::bodies_over_the_limit_get_413, tests/it/media.rs::pictures_are_recognised_by_their_bytes, tests/it/realtime.rs::an_oversized_frame_closes_the_socket_1009, tests/it/collab.rs::malformed_ops_are_refused_and_the_socket_stays_open
//!
//! realtime.md §7:
//! - kicked_user_keeps_editing: tests/it/collab.rs::a_kicked_member_is_closed_out_and_stays_out
//! - ended_session_keeps_editing: tests/it/collab.rs::the_host_ends_the_session_for_everyone, ::an_expired_session_is_over_on_next_access
//! - ended_session_reactivation: this file::an_ended_session_cannot_be_restarted_reopened_or_rejoined
//! - participant_finalize_or_destroy: tests/it/collab.rs::a_majority_vote_publishes_the_story_with_every_author, ::a_rejected_vote_goes_back_to_drawing, ::pages_are_added_deleted_and_moved_by_id
//! - invite_non_friend: tests/it/collab.rs::friends_are_invited_pushed_and_let_in
//! - invite_bypasses_capacity: tests/it/collab.rs::a_full_session_refuses_codes_and_invites
//! - invite_accept_after_expiry: this file::an_invite_cannot_be_accepted_after_the_session_or_the_invite_expired
//! - collab_story_link_idor: n/a: a session cannot name a story (CreateBody is deny_unknown_fields); publishing always makes a new one
//! - kicked_user_becomes_coauthor: this file::a_kicked_member_is_not_credited_as_a_co_author
//! - token_in_url: tests/it/realtime.rs::a_ticket_works_once_and_hello_describes_the_user, ::garbage_and_missing_tickets_are_closed_4401, this file::an_access_token_in_the_url_is_never_accepted_or_logged
//! - ws_origin_check: tests/it/realtime.rs::a_foreign_origin_is_refused_before_the_upgrade, ::the_configured_public_origin_is_accepted
//! - ws_inactive_user: tests/it/admin.rs::suspending_a_connected_user_closes_their_sockets_and_it_lifts_by_itself, tests/it/realtime.rs::logout_closes_that_sessions_sockets_with_4003, ::deleting_the_account_closes_its_sockets_with_4003
//! - ws_resource_exhaustion: tests/it/realtime.rs::a_socket_over_the_per_user_limit_is_closed_4001, ::sockets_over_the_server_cap_are_refused_before_the_upgrade, tests/it/collab.rs::op_and_invite_limits_answer_clearly, this file::one_socket_cannot_open_unlimited_rooms_or_keep_sending_refused_frames
//! - publish_once_race: tests/it/collab.rs::a_majority_vote_publishes_the_story_with_every_author, this file::two_deciding_votes_at_once_publish_one_story
//!
//! Named by the issue:
//! - refresh_token_reuse: tests/it/accounts.rs::refresh_rotates_and_reuse_revokes_the_whole_session
//! - path_traversal_static: tests/it/http.rs::the_spa_is_served_with_etags_and_deep_links
//! - path_traversal_backup: tests/it/admin.rs::backups_are_made_online_listed_pruned_and_downloaded
//! - xss_stored_text: this file::markup_in_user_text_is_stored_as_text_and_served_as_json, this file::the_spa_never_parses_strings_as_html (the browser part lives with the e2e suites)
//!
//! Children's safety (who may reach a child, what a child may share):
//! - adult_befriends_child_from_public_story: tests/it/safety.rs::an_unrelated_adult_cannot_find_befriend_message_invite_or_coauthor_a_child
//! - adult_messages_child_via_stored_friendship: tests/it/safety.rs::a_friendship_stored_before_the_rule_still_does_not_let_an_adult_message_a_child
//! - child_username_in_public_payloads: tests/it/safety.rs::an_unrelated_adult_cannot_find_befriend_message_invite_or_coauthor_a_child, tests/it/reactions.rs::rude_comments_are_refused_and_comments_are_edited_only_by_their_author_or_an_admin
//! - stranger_friend_request_without_guardian: tests/it/safety.rs::a_friend_request_from_outside_class_waits_for_the_grown_up_who_approves_or_declines
//! - guardian_rules_bypass_by_asking_back: tests/it/safety.rs::a_friend_request_from_outside_class_waits_for_the_grown_up_who_approves_or_declines
//! - chat_off_rule: tests/it/safety.rs::classmates_skip_the_wait_and_a_grown_up_can_turn_the_wait_off_or_chat_off
//! - coauthor_without_consent: tests/it/safety.rs::being_made_co_author_is_a_request_the_child_accepts
//! - coauthor_bridges_adult_and_child: tests/it/safety.rs::a_co_author_request_cannot_put_a_child_in_a_draft_with_an_adult_who_is_not_theirs
//! - room_invite_bridges_adult_and_child: tests/it/safety.rs::an_invite_cannot_bring_a_child_into_a_room_with_an_adult_who_is_not_theirs
//! - room_join_by_code_adult: tests/it/safety.rs::an_unrelated_adult_cannot_find_befriend_message_invite_or_coauthor_a_child
//! - stranger_links_as_parent_with_childs_code: tests/it/safety.rs::a_child_who_has_a_grown_up_cannot_be_linked_to_a_stranger_with_a_code
//! - presence_of_child_to_strangers: tests/it/safety.rs::only_friends_parents_and_teachers_see_a_child_come_online
//! - adult_like_pings_child: tests/it/safety.rs::an_unrelated_adults_like_or_comment_never_pings_a_child_and_names_hold_no_numbers
//! - self_declared_teacher: tests/it/safety.rs::a_teacher_who_signed_up_waits_for_an_admin_before_making_a_class, ::a_teacher_whose_approval_is_taken_back_loses_the_class
//! - teacher_reaches_outside_class: tests/it/safety.rs::a_teacher_reaches_their_class_for_class_work_but_never_befriends_or_messages_a_child
//! - personal_details_published: tests/it/text_rule.rs::personal_details_are_refused_and_story_numbers_pass, ::repeated_refused_texts_put_the_writer_in_the_moderation_queue
//! - rude_words_posted_masked: tests/it/text_rule.rs::a_rude_word_is_refused_in_every_field_with_the_field_named_and_the_word_never_spelled, ::rude_and_personal_chat_in_a_drawing_room_is_refused_with_an_error_frame
//! - word_list_public: tests/it/text_rule.rs::the_live_hint_asks_the_server_and_the_word_list_is_not_public
//! - lockout_as_a_weapon: tests/it/safety.rs::guesses_from_elsewhere_do_not_lock_a_child_out_of_the_classroom_tablet, ::a_place_the_child_signed_in_from_before_gets_in_when_guesses_fill_the_ceiling
//! - ticket_flood: tests/it/safety.rs::realtime_tickets_are_rate_limited_and_metrics_need_the_proxy_header
//! - metrics_via_proxy_without_header: tests/it/safety.rs::realtime_tickets_are_rate_limited_and_metrics_need_the_proxy_header
//! - studio_publishes_refused_title: tests/e2e/leaving.rs::the_studio_refuses_a_rude_title_next_to_the_box_and_does_not_publish
//! - no_way_to_leave: tests/it/leaving.rs::a_person_downloads_everything_they_made_with_their_pictures, ::a_parent_downloads_and_deletes_their_childs_account_and_nothing_about_the_child_stays, ::an_admin_deletes_any_account_but_not_their_own
//!
//! IDOR:
//! - idor_stories: tests/it/authz.rs::drafts_are_visible_only_to_their_authors, ::someone_elses_draft_is_not_found_for_any_edit, ::only_authors_edit_a_published_story
//! - idor_pages: tests/it/authz.rs::page_ids_of_another_story_are_refused, tests/it/stories.rs::pages_keep_at_least_one_and_reject_strangers
//! - idor_comments: tests/it/authz.rs::only_the_comment_author_or_an_admin_changes_a_comment
//! - idor_messages: tests/it/realtime.rs::messages_between_friends_are_pushed_to_both_sides_and_edited_read_and_deleted, this file::strangers_cannot_mark_read_or_delete_someone_elses_messages
//! - idor_notifications: tests/it/authz.rs::notifications_of_others_cannot_be_marked_read
//! - idor_collab_sessions: tests/it/collab.rs::a_stranger_cannot_open_read_or_write_the_room, this file::a_stranger_cannot_use_the_host_controls_of_a_session
//! - idor_collab_invites: tests/it/collab.rs::friends_are_invited_pushed_and_let_in
//! - idor_media: tests/it/authz.rs::private_pictures_need_a_valid_signature, tests/it/media.rs::a_picture_is_private_until_a_published_story_uses_it
//! - idor_games: tests/it/games.rs::drafts_hidden_stories_and_bad_attempts_are_refused
//! - idor_family_children: tests/it/family.rs::parents_set_privacy_reset_passwords_and_look_read_only, this file::only_a_linked_parent_can_unlink_a_child
//! - idor_classes: tests/it/family.rs::teachers_run_classes_with_join_codes_approval_and_reports, this file::only_the_classs_teacher_can_remove_a_member
//! - idor_reports: tests/it/admin.rs::reports_and_flags_reach_the_moderation_queue_and_actions_are_audited, this file::a_comment_on_an_unpublished_story_cannot_be_reported
//! - idor_admin: tests/it/admin.rs::only_admins_reach_admin_routes, tests/it/http.rs::metrics_need_an_admin_from_elsewhere
//! - idor_characters: tests/it/authz.rs::characters_of_others_are_not_found, tests/it/stories.rs::characters_are_private_and_checked
//! - idor_friend_requests: tests/it/authz.rs::friend_requests_of_others_cannot_be_answered
//! - idor_users: tests/it/social.rs::profiles_respect_their_owners_privacy
//! - idor_coauthors: tests/it/authz.rs::co_authors_are_friends_and_only_real_co_authors_are_removed, ::co_authors_edit_but_only_the_owner_deletes

mod accounts;
mod content;
mod helpers;
mod idor;
mod realtime;
