--
-- PostgreSQL database dump
--

\restrict CcsquCZd3HvMXZMWIDccmM5Tc5azYJX1f4AFWl3IJ2Nb5Blf1ElVQqSoG26f6Xh

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: case_data_keys_erase_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_data_keys_erase_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NOT (OLD.wrapped_key IS NOT NULL AND NEW.wrapped_key IS NULL AND NEW.erased_at_utc IS NOT NULL AND NEW.concern_id = OLD.concern_id AND NEW.created_at_utc = OLD.created_at_utc) THEN
        RAISE EXCEPTION 'case_data_keys: a key can only be erased (wrapped_key set to NULL, with erased_at_utc), never replaced or changed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: case_data_keys_refuse_delete(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.case_data_keys_refuse_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'case_data_keys: a key row is never deleted (erasing keeps the record of the erasure)' USING ERRCODE = 'insufficient_privilege';
END
$$;


--
-- Name: decision_log_enqueue(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.decision_log_enqueue() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO decision_log_queue (entry_id) VALUES (NEW.entry_id);
    RETURN NULL;
END
$$;


--
-- Name: decision_log_leaves_in_order(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.decision_log_leaves_in_order() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM decision_log_leaves) THEN
        RAISE EXCEPTION 'decision_log_leaves: a leaf must take the next sequence' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: decision_log_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.decision_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'decision_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;


--
-- Name: decision_log_tree_heads_match_leaves(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.decision_log_tree_heads_match_leaves() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.tree_size <> (SELECT COALESCE(MAX(sequence), 0) FROM decision_log_leaves)
       OR NEW.tree_size <= (SELECT COALESCE(MAX(tree_size), 0) FROM decision_log_tree_heads) THEN
        RAISE EXCEPTION 'decision_log_tree_heads: a head must cover exactly the leaves, and grow' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __EFMigrationsHistory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: __identity_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.__identity_migrations (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: app_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_users (
    user_id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    role character varying(32) NOT NULL,
    staff_ref character varying(32),
    deactivated_at_utc timestamp with time zone
);


--
-- Name: bookmarks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.bookmarks (
    id uuid NOT NULL,
    workflow_instance_id uuid NOT NULL,
    correlation_id uuid NOT NULL,
    activity_id character varying(100) NOT NULL,
    role character varying(32) NOT NULL,
    created_at_utc timestamp with time zone NOT NULL,
    completed_at_utc timestamp with time zone,
    completed_by character varying(64)
);


--
-- Name: case_data_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_data_keys (
    concern_id uuid NOT NULL,
    wrapped_key character varying(128),
    created_at_utc timestamp with time zone NOT NULL,
    erased_at_utc timestamp with time zone
);


--
-- Name: checklist_drafts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.checklist_drafts (
    workflow_instance_id uuid NOT NULL,
    user_id character varying(64) NOT NULL,
    definition_id character varying(100) NOT NULL,
    definition_version integer NOT NULL,
    definition_sha256 character varying(64) NOT NULL,
    answers_json character varying(4000) NOT NULL,
    current_question character varying(100),
    saved_at_utc timestamp with time zone NOT NULL
);


--
-- Name: concern_actions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.concern_actions (
    id uuid NOT NULL,
    concern_id uuid NOT NULL,
    ordinal integer NOT NULL,
    description text NOT NULL,
    workflow_instance_id uuid NOT NULL,
    stage character varying(32) NOT NULL,
    outcome character varying(1),
    route character varying(32),
    formal_investigation_started_at_utc timestamp with time zone,
    informal_attempts integer NOT NULL,
    informal_agreed_actions character varying(4000),
    informal_review_date date,
    version integer DEFAULT 0 NOT NULL
);


--
-- Name: concerns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.concerns (
    id uuid NOT NULL,
    subject_staff_ref character varying(32) NOT NULL,
    raised_by_user_id character varying(64) NOT NULL,
    summary text NOT NULL,
    category character varying(100) NOT NULL,
    incident_date date,
    opened_at_utc timestamp with time zone NOT NULL,
    status character varying(32) NOT NULL,
    version integer NOT NULL,
    raised_by_staff_ref character varying(32),
    subject_chain_at_raising character varying(1400),
    raiser_chain_at_raising character varying(1400)
);


--
-- Name: decision_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.decision_log (
    entry_id bigint NOT NULL,
    event_type character varying(64) NOT NULL,
    concern_id uuid,
    workflow_instance_id uuid,
    subject_staff_ref character varying(128),
    definition_id character varying(100),
    definition_version integer,
    activity_id character varying(100),
    question text,
    answer text,
    rationale text,
    informal_not_appropriate text,
    actor_id character varying(64) NOT NULL,
    actor_role character varying(32) NOT NULL,
    occurred_at_utc timestamp with time zone NOT NULL,
    seal character varying(64),
    leaf_version integer DEFAULT 1 NOT NULL
);


--
-- Name: decision_log_leaves; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.decision_log_leaves (
    sequence bigint NOT NULL,
    entry_id bigint NOT NULL,
    leaf_hash character varying(64) NOT NULL,
    integrated_at_utc timestamp with time zone NOT NULL
);


--
-- Name: decision_log_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.decision_log_queue (
    "position" bigint NOT NULL,
    entry_id bigint NOT NULL
);


--
-- Name: decision_log_queue_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.decision_log_queue ALTER COLUMN "position" ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.decision_log_queue_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: decision_log_tree_heads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.decision_log_tree_heads (
    tree_size bigint NOT NULL,
    root_hash character varying(64) NOT NULL,
    integrated_at_utc timestamp with time zone NOT NULL
);


--
-- Name: headcount_snapshot_archive; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.headcount_snapshot_archive (
    snapshot_id uuid NOT NULL,
    staff_ref character varying(32) NOT NULL,
    ethnic_code character varying(8) NOT NULL,
    wres_group character varying(16) NOT NULL,
    band character varying(100) NOT NULL,
    staff_group character varying(100) NOT NULL,
    directorate character varying(100) NOT NULL,
    start_date date NOT NULL
);


--
-- Name: headcount_snapshot_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.headcount_snapshot_history (
    id uuid NOT NULL,
    year character varying(7) NOT NULL,
    imported_at_utc timestamp with time zone NOT NULL,
    imported_by character varying(64) NOT NULL,
    source_name character varying(200) NOT NULL,
    row_count integer NOT NULL,
    white integer NOT NULL,
    bme integer NOT NULL,
    not_stated integer NOT NULL,
    replaced_at_utc timestamp with time zone
);


--
-- Name: headcount_snapshots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.headcount_snapshots (
    year character varying(7) NOT NULL,
    staff_ref character varying(32) NOT NULL,
    ethnic_code character varying(8) NOT NULL,
    wres_group character varying(16) NOT NULL,
    band character varying(100) NOT NULL,
    staff_group character varying(100) NOT NULL,
    directorate character varying(100) NOT NULL,
    start_date date NOT NULL
);


--
-- Name: identity_user_claims; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_user_claims (
    id integer NOT NULL,
    user_id text NOT NULL,
    claim_type text,
    claim_value text
);


--
-- Name: identity_user_claims_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.identity_user_claims ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.identity_user_claims_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: identity_user_logins; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_user_logins (
    login_provider text NOT NULL,
    provider_key text NOT NULL,
    provider_display_name text,
    user_id text NOT NULL
);


--
-- Name: identity_user_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_user_tokens (
    user_id text NOT NULL,
    login_provider text NOT NULL,
    name text NOT NULL,
    value text
);


--
-- Name: identity_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_users (
    id text NOT NULL,
    user_name character varying(256),
    normalized_user_name character varying(256),
    email character varying(256),
    normalized_email character varying(256),
    email_confirmed boolean NOT NULL,
    password_hash text,
    security_stamp text,
    concurrency_stamp text,
    phone_number text,
    phone_number_confirmed boolean NOT NULL,
    two_factor_enabled boolean NOT NULL,
    lockout_end timestamp with time zone,
    lockout_enabled boolean NOT NULL,
    access_failed_count integer NOT NULL
);


--
-- Name: staff; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff (
    staff_ref character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    ethnic_code character varying(8) NOT NULL,
    wres_group character varying(16) NOT NULL,
    band character varying(100) NOT NULL,
    staff_group character varying(100) NOT NULL,
    directorate character varying(100) NOT NULL,
    start_date date NOT NULL,
    line_manager_ref character varying(32),
    manager_chain character varying(1400)
);


--
-- Name: workflow_instances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workflow_instances (
    id uuid NOT NULL,
    correlation_id uuid NOT NULL,
    definition_id character varying(100) NOT NULL,
    definition_version integer NOT NULL,
    definition_sha256 character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    variables_json text NOT NULL,
    created_at_utc timestamp with time zone NOT NULL,
    updated_at_utc timestamp with time zone NOT NULL,
    version integer NOT NULL
);


--
-- Name: wres_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.wres_history (
    year character varying(7) NOT NULL,
    wres_group character varying(16) NOT NULL,
    entering integer NOT NULL,
    headcount integer NOT NULL,
    source_name character varying(260) NOT NULL,
    imported_by character varying(64) NOT NULL,
    imported_at_utc timestamp with time zone NOT NULL
);


--
-- Data for Name: __EFMigrationsHistory; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261123090000_Initial', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261123100000_WresHistory', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261123120000_InformalPlan', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261201090000_CaseStep', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261201100000_StaffSnapshotHistory', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261201110000_UserLifecycle', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261201120000_ChecklistDrafts', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261201130000_SignedLog', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261201140000_CaseDataKeys', '10.0.14');


--
-- Data for Name: __identity_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.__identity_migrations ("MigrationId", "ProductVersion") VALUES ('20261123100000_IdentityInitial', '10.0.14');


--
-- Data for Name: app_users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.app_users (user_id, name, role, staff_ref, deactivated_at_utc) VALUES ('lm1', 'Amelia Clarke', 'LineManager', '10400000', NULL);
INSERT INTO public.app_users (user_id, name, role, staff_ref, deactivated_at_utc) VALUES ('lm2', 'Oliver Hughes', 'LineManager', '10400037', NULL);
INSERT INTO public.app_users (user_id, name, role, staff_ref, deactivated_at_utc) VALUES ('cm1', 'Kwame Mensah', 'CommissioningManager', '10400111', NULL);
INSERT INTO public.app_users (user_id, name, role, staff_ref, deactivated_at_utc) VALUES ('aud1', 'Audit Person', 'Auditor', NULL, NULL);
INSERT INTO public.app_users (user_id, name, role, staff_ref, deactivated_at_utc) VALUES ('adm1', 'Admin Person', 'Administrator', NULL, NULL);


--
-- Data for Name: bookmarks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.bookmarks (id, workflow_instance_id, correlation_id, activity_id, role, created_at_utc, completed_at_utc, completed_by) VALUES ('e050995b-946a-40e1-96bb-997bde533694', 'f5c321e3-50d6-4152-99e9-88445c7080ab', '4b056507-5c15-4dd5-b278-5fbfff311a24', 'q1a', 'LineManager', '2026-12-01 18:34:23.006029+00', NULL, NULL);
INSERT INTO public.bookmarks (id, workflow_instance_id, correlation_id, activity_id, role, created_at_utc, completed_at_utc, completed_by) VALUES ('f36da578-ec05-483c-bafe-a6dbdce022a0', 'd002f585-d1df-42bd-a23c-c2097f9932f3', '2bfe661f-81be-444e-b911-39056e320f6a', 'q1a', 'LineManager', '2026-12-01 18:34:27.718743+00', NULL, NULL);
INSERT INTO public.bookmarks (id, workflow_instance_id, correlation_id, activity_id, role, created_at_utc, completed_at_utc, completed_by) VALUES ('abcd5d3f-c256-4ba0-8523-a3dd2eb480aa', '3959c8fa-3c27-4c4d-922c-e505ad1cf5b6', '4b056507-5c15-4dd5-b278-5fbfff311a24', 'q1a', 'LineManager', '2026-12-01 18:34:23.006029+00', '2026-12-01 18:34:42.810062+00', 'lm1');
INSERT INTO public.bookmarks (id, workflow_instance_id, correlation_id, activity_id, role, created_at_utc, completed_at_utc, completed_by) VALUES ('ebf07bd3-9de7-4bb9-88cb-f8519212dae7', '3959c8fa-3c27-4c4d-922c-e505ad1cf5b6', '4b056507-5c15-4dd5-b278-5fbfff311a24', 'q2a', 'LineManager', '2026-12-01 18:34:42.810062+00', NULL, NULL);


--
-- Data for Name: case_data_keys; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.case_data_keys (concern_id, wrapped_key, created_at_utc, erased_at_utc) VALUES ('4b056507-5c15-4dd5-b278-5fbfff311a24', 'kw1:thFXvuoEfwomOOIoW1EGjwMZjGhO+NIhIm3yc5uBqC0rmCMIqgReWrQ6qQE7HYI6YzY1rESgkdH6gNgX', '2026-12-01 18:34:23.006029+00', NULL);
INSERT INTO public.case_data_keys (concern_id, wrapped_key, created_at_utc, erased_at_utc) VALUES ('2bfe661f-81be-444e-b911-39056e320f6a', 'kw1:cWL0yWe0qLGfzJECz3WqTX/x54WBGXmxLriPlNyEXZZRINjCVZfKT3GxWeBLqy+td3K8hnJvgPo0IEMR', '2026-12-01 18:34:27.718743+00', NULL);


--
-- Data for Name: checklist_drafts; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: concern_actions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.concern_actions (id, concern_id, ordinal, description, workflow_instance_id, stage, outcome, route, formal_investigation_started_at_utc, informal_attempts, informal_agreed_actions, informal_review_date, version) VALUES ('bc3833b7-f52b-40aa-b52c-7e01a1a17d41', '4b056507-5c15-4dd5-b278-5fbfff311a24', 2, 'Did not record it', 'f5c321e3-50d6-4152-99e9-88445c7080ab', 'Checklist', NULL, NULL, NULL, 0, NULL, NULL, 0);
INSERT INTO public.concern_actions (id, concern_id, ordinal, description, workflow_instance_id, stage, outcome, route, formal_investigation_started_at_utc, informal_attempts, informal_agreed_actions, informal_review_date, version) VALUES ('ee4eaf7e-45a1-4d2a-bd6d-067d5c938da1', '2bfe661f-81be-444e-b911-39056e320f6a', 1, 'Late to handover', 'd002f585-d1df-42bd-a23c-c2097f9932f3', 'Checklist', NULL, NULL, NULL, 0, NULL, NULL, 0);
INSERT INTO public.concern_actions (id, concern_id, ordinal, description, workflow_instance_id, stage, outcome, route, formal_investigation_started_at_utc, informal_attempts, informal_agreed_actions, informal_review_date, version) VALUES ('1a147799-ac0a-4d95-ae7a-3fecf9700b2e', '4b056507-5c15-4dd5-b278-5fbfff311a24', 1, 'Missed the 10:00 round', '3959c8fa-3c27-4c4d-922c-e505ad1cf5b6', 'Checklist', NULL, NULL, NULL, 0, NULL, NULL, 1);


--
-- Data for Name: concerns; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.concerns (id, subject_staff_ref, raised_by_user_id, summary, category, incident_date, opened_at_utc, status, version, raised_by_staff_ref, subject_chain_at_raising, raiser_chain_at_raising) VALUES ('2bfe661f-81be-444e-b911-39056e320f6a', '10400222', 'lm2', 'Late to handover twice', 'Attendance', NULL, '2026-12-01 18:34:27.718743+00', 'Checklist', 1, '10400037', '10400037/10400000', '10400000');
INSERT INTO public.concerns (id, subject_staff_ref, raised_by_user_id, summary, category, incident_date, opened_at_utc, status, version, raised_by_staff_ref, subject_chain_at_raising, raiser_chain_at_raising) VALUES ('4b056507-5c15-4dd5-b278-5fbfff311a24', '10400074', 'lm1', 'Missed a medication round', 'Medication', '2026-11-02', '2026-12-01 18:34:23.006029+00', 'Checklist', 2, '10400000', '10400000', '');


--
-- Data for Name: decision_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552751113494364, 'StaffImported', NULL, NULL, NULL, NULL, NULL, NULL, 'Headcount snapshot 2026-27 (as at 2027-03-31)', '40 staff: 16 White, 20 BME, 4 not stated', NULL, NULL, 'cli:root', 'Operator', '2026-12-01 18:33:50.293091+00', 'a20b4c94c4905eb66c47330d72c6fbebb66f95a1ad99c16cdad866a9e617c5de', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552754460285247, 'UserAdded', NULL, NULL, NULL, NULL, NULL, NULL, 'User lm1 added', 'LineManager', NULL, NULL, 'cli:root', 'Operator', '2026-12-01 18:33:56.772423+00', 'ffc87932ac2621f070d9effc15d907f39ce6b6b564de598e9aac0fd1461f7d82', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552760086038392, 'UserAdded', NULL, NULL, NULL, NULL, NULL, NULL, 'User lm2 added', 'LineManager', NULL, NULL, 'cli:root', 'Operator', '2026-12-01 18:34:02.261165+00', '2c7be95cef8a53fb921c4909bde877c09c33fe1824a8b7f5e61dbab52b49d8a1', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552767454038189, 'UserAdded', NULL, NULL, NULL, NULL, NULL, NULL, 'User cm1 added', 'CommissioningManager', NULL, NULL, 'cli:root', 'Operator', '2026-12-01 18:34:09.461272+00', 'ec77db6cb20a66620496c0acaccaf9678fe4d09b4a4b5fece464543141b47041', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552772762486491, 'UserAdded', NULL, NULL, NULL, NULL, NULL, NULL, 'User aud1 added', 'Auditor', NULL, NULL, 'cli:root', 'Operator', '2026-12-01 18:34:14.644581+00', '4eb1c1d7012d91ad39f3b6da8b586d39a4b96f511e526b70cc9d69ad21f9e88b', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552776753636479, 'UserAdded', NULL, NULL, NULL, NULL, NULL, NULL, 'User adm1 added', 'Administrator', NULL, NULL, 'cli:root', 'Operator', '2026-12-01 18:34:18.535449+00', 'ad031701f442e8c1d68fe22cfa36975adc75bb00490b81a1d33685d6cd07cc89', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552781867525941, 'ConcernOpened', '4b056507-5c15-4dd5-b278-5fbfff311a24', NULL, 'pd1:n3W/cro2rVhg3Db8IC+JUepJVEiqtZIYFw6hCmeXkomyAcgn', NULL, NULL, NULL, 'Concern raised', 'Medication', NULL, NULL, 'lm1', 'LineManager', '2026-12-01 18:34:23.006029+00', '1952314eb67aba20d07ffb2870b5159b9b98c8d7d3c4ce6f59c8345534948c52', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552781871152316, 'ChecklistStarted', '4b056507-5c15-4dd5-b278-5fbfff311a24', '3959c8fa-3c27-4c4d-922c-e505ad1cf5b6', 'pd1:wzfsGepDF4eHuab1C1VO3jFIjYcxMMF7Z6kacoM3jjkNbn7X', 'just-culture-triage', 1, NULL, 'Action 1', NULL, NULL, NULL, 'lm1', 'LineManager', '2026-12-01 18:34:23.006029+00', '7ea564349a6e0c29b412e71f44d0c69c9a5b29b36e7b5f99fdb69dfa021f2809', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552781871311182, 'ChecklistStarted', '4b056507-5c15-4dd5-b278-5fbfff311a24', 'f5c321e3-50d6-4152-99e9-88445c7080ab', 'pd1:bo6RpDAmxgFsZwxVWJGBA3TNZMrRvTWrXCc9c3eytW95YCU+', 'just-culture-triage', 1, NULL, 'Action 2', NULL, NULL, NULL, 'lm1', 'LineManager', '2026-12-01 18:34:23.006029+00', 'ca5894a501f31d55095668b7b38d70eb2d65b4d6b54fae2a4e4bf3f028f39d0b', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552786759886906, 'ConcernOpened', '2bfe661f-81be-444e-b911-39056e320f6a', NULL, 'pd1:iLYizKGEk0MPJoo4zks16L0Jo66cnypJkzrYaOYFAGAqYpQ5', NULL, NULL, NULL, 'Concern raised', 'Attendance', NULL, NULL, 'lm2', 'LineManager', '2026-12-01 18:34:27.718743+00', '6155c88933308d6fc56a919f87a065f957219e40337cfcf41bcd208cb9e5dfb7', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552786764802499, 'ChecklistStarted', '2bfe661f-81be-444e-b911-39056e320f6a', 'd002f585-d1df-42bd-a23c-c2097f9932f3', 'pd1:XFBrPjJvFspcTLqyjxNNlD8qWBVC2FAuLZ3w2r6BvAZim7Pt', 'just-culture-triage', 1, NULL, 'Action 1', NULL, NULL, NULL, 'lm2', 'LineManager', '2026-12-01 18:34:27.718743+00', '37565dd790b7d60c3ec4e5f0f35b5a7a8bd4616b31b635372035f216d682e320', 2);
INSERT INTO public.decision_log (entry_id, event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc, seal, leaf_version) VALUES (223552801982163004, 'QuestionAnswered', '4b056507-5c15-4dd5-b278-5fbfff311a24', '3959c8fa-3c27-4c4d-922c-e505ad1cf5b6', 'pd1:nS488fx3ibE1WXfmtqy7M8RQs9/zcFd+WU+rAWXLsyYfgHEZ', 'just-culture-triage', 1, 'q1a', 'Was there any intention to cause harm?', 'No', NULL, NULL, 'lm1', 'LineManager', '2026-12-01 18:34:42.810062+00', 'b15c08d6444ad43d5bcfe08bd1e1c628034ba17257825c3301ffc946ec4a7502', 2);


--
-- Data for Name: decision_log_leaves; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (1, 223552751113494364, 'cc21e09797a7ea66aa3784d5ca95856f4bba610f73db3234625cb2d07252dd40', '2026-12-01 18:33:54.16519+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (2, 223552754460285247, 'bceced388e181f030c19c5bff8a7cad640556a5edbacc0cb2013599694180799', '2026-12-01 18:33:57.857857+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (3, 223552760086038392, 'c4e029686679054742f6ae5f6337b1330af36cb813fff4818aa49033ae96a3c6', '2026-12-01 18:34:03.926497+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (4, 223552767454038189, 'b4119e3141531d0c2635fb2dbb857377891e3be8ffff569b7b9cf606768c6829', '2026-12-01 18:34:10.814253+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (5, 223552772762486491, '95f6eb79e4e99db7aa921d4b4b6c49f977862c1457e0d6d30cb60fe9faf6c37e', '2026-12-01 18:34:15.364436+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (6, 223552776753636479, '9140135bde91339dd75fc774c18ba7ca346cbfb42a7b82a28c4673aa0108d746', '2026-12-01 18:34:19.510667+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (7, 223552781867525941, 'a4631222c879f2ff906e5cf55eaf0572b69a70924fc7adf862c2446228181dd6', '2026-12-01 18:34:24.233669+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (8, 223552781871152316, 'c2c795269ca8d414c9c4488501f06c1949b47a71f6e726c5e8fe9bce6d6cabab', '2026-12-01 18:34:24.233669+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (9, 223552781871311182, 'fc877176c016739807c0cd9abe3bf3740c6f1f569d2461d807f2e471831a3299', '2026-12-01 18:34:24.233669+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (10, 223552786759886906, 'ae64601a4e1bbdee502b636c71b41020b990b36a5633447bd7ed42d0761a1e5b', '2026-12-01 18:34:28.921109+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (11, 223552786764802499, '24fb713b7605b5b0284946f2ac4b75d048f53f150970393ef3af8c213d6683c2', '2026-12-01 18:34:28.921109+00');
INSERT INTO public.decision_log_leaves (sequence, entry_id, leaf_hash, integrated_at_utc) VALUES (12, 223552801982163004, '56c189664e206450da105f03718ef3d2cb04e2ec8f338b2ed3863e1043fb9065', '2026-12-01 18:34:44.160472+00');


--
-- Data for Name: decision_log_queue; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: decision_log_tree_heads; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (1, 'cc21e09797a7ea66aa3784d5ca95856f4bba610f73db3234625cb2d07252dd40', '2026-12-01 18:33:54.16519+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (2, 'ddd61e06710dfeb5a8c83ba45d54a91f4b09d386a9ca44da07589b6c3050c0fd', '2026-12-01 18:33:57.857857+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (3, 'd4ea793066521266a4ca68ff4313f5d0452892884f61793721f8cf2292e3d403', '2026-12-01 18:34:03.926497+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (4, '09e5bba3ff37f236416a3b4ae4bc64827d342ed704f685e2c804bb324a720789', '2026-12-01 18:34:10.814253+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (5, '4abd9b65b402b79b2dc7a63d6af57e7668013fa397f58201f5f4210bfbe19249', '2026-12-01 18:34:15.364436+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (6, '789e47e99b7a2c58717dfae82080588a9a5b17bd7308e6b559bade7c1483431f', '2026-12-01 18:34:19.510667+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (9, '0d04587c151d3ffae82cd301abc055f55c370a72a9a83dedde29a1c0b422efac', '2026-12-01 18:34:24.233669+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (11, 'b1b40fe0b25f0da2bbb9a065879a4154ac9f0af5e9b3d1e3d43964698c69a87a', '2026-12-01 18:34:28.921109+00');
INSERT INTO public.decision_log_tree_heads (tree_size, root_hash, integrated_at_utc) VALUES (12, '89fd6858a3e37fbe4de87d1f29c3263577fdf532055063b7b062cce1e651c0f5', '2026-12-01 18:34:44.160472+00');


--
-- Data for Name: headcount_snapshot_archive; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: headcount_snapshot_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.headcount_snapshot_history (id, year, imported_at_utc, imported_by, source_name, row_count, white, bme, not_stated, replaced_at_utc) VALUES ('f9588c4f-08af-40e8-8b55-30017e773847', '2026-27', '2026-12-01 18:33:50.293091+00', 'cli:root', 'staff-demo.csv', 40, 16, 20, 4, NULL);


--
-- Data for Name: headcount_snapshots; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400000', 'A', 'White', 'Band 9', 'Nursing and Midwifery Registered', 'Medicine', '2004-01-01');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400037', 'A', 'White', 'Band 8a', 'Additional Clinical Services', 'Medicine', '2011-06-12');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400074', 'A', 'White', 'Band 8a', 'Allied Health Professionals', 'Surgery', '2018-11-23');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400111', 'C3', 'White', 'Band 8a', 'Administrative and Clerical', 'Corporate', '2005-04-07');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400148', 'CA', 'White', 'Band 6', 'Nursing and Midwifery Registered', 'Surgery', '2012-09-18');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400185', 'H', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2019-02-02');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400222', 'N', 'Bme', 'Band 3', 'Nursing and Midwifery Registered', 'Medicine', '2006-07-13');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400259', 'Z', 'NotStated', 'Band 4', 'Additional Clinical Services', 'Medicine', '2013-12-24');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400296', 'B', 'White', 'Band 5', 'Allied Health Professionals', 'Surgery', '2020-05-08');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400333', 'CP', 'White', 'Band 6', 'Administrative and Clerical', 'Corporate', '2007-10-19');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400370', 'J', 'Bme', 'Band 2', 'Nursing and Midwifery Registered', 'Surgery', '2014-03-03');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400407', 'NA', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2021-08-14');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400444', 'A', 'White', 'Band 4', 'Nursing and Midwifery Registered', 'Medicine', '2008-01-25');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400481', 'C2', 'White', 'Band 5', 'Additional Clinical Services', 'Medicine', '2015-06-09');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400518', 'K', 'Bme', 'Band 6', 'Allied Health Professionals', 'Surgery', '2022-11-20');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400555', 'M9', 'Bme', 'Band 2', 'Administrative and Clerical', 'Corporate', '2009-04-04');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400592', '99', 'NotStated', 'Band 3', 'Nursing and Midwifery Registered', 'Surgery', '2016-09-15');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400629', 'A1', 'White', 'Consultant', 'Medical and Dental', 'Medicine', '2023-02-26');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400666', 'D', 'Bme', 'Band 5', 'Nursing and Midwifery Registered', 'Medicine', '2010-07-10');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400703', 'LF', 'Bme', 'Band 6', 'Additional Clinical Services', 'Medicine', '2017-12-21');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400740', 'PC', 'Bme', 'Band 2', 'Allied Health Professionals', 'Surgery', '2004-05-05');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400777', 'A', 'White', 'Band 3', 'Administrative and Clerical', 'Corporate', '2011-10-16');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400814', 'E', 'Bme', 'Band 4', 'Nursing and Midwifery Registered', 'Surgery', '2018-03-27');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400851', 'M', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2005-08-11');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400888', 'R', 'Bme', 'Band 6', 'Nursing and Midwifery Registered', 'Medicine', '2012-01-22');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400925', '', 'NotStated', 'Band 2', 'Additional Clinical Services', 'Medicine', '2019-06-06');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400962', 'F', 'Bme', 'Band 3', 'Allied Health Professionals', 'Surgery', '2006-11-17');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10400999', 'GC', 'Bme', 'Band 4', 'Administrative and Clerical', 'Corporate', '2013-04-01');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401036', 'S', 'Bme', 'Band 5', 'Nursing and Midwifery Registered', 'Surgery', '2020-09-12');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401073', 'SC', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2007-02-23');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401110', 'SE', 'Bme', 'Band 2', 'Nursing and Midwifery Registered', 'Medicine', '2014-07-07');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401147', 'A', 'White', 'Band 3', 'Additional Clinical Services', 'Medicine', '2021-12-18');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401184', 'A', 'White', 'Band 4', 'Allied Health Professionals', 'Surgery', '2008-05-02');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401221', 'C3', 'White', 'Band 5', 'Administrative and Clerical', 'Corporate', '2015-10-13');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401258', 'H', 'Bme', 'Band 6', 'Nursing and Midwifery Registered', 'Surgery', '2022-03-24');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401295', 'N', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2009-08-08');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401332', 'CP', 'White', 'Band 3', 'Nursing and Midwifery Registered', 'Medicine', '2016-01-19');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401369', 'J', 'Bme', 'Band 4', 'Additional Clinical Services', 'Medicine', '2023-06-03');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401406', 'Z', 'NotStated', 'Band 5', 'Allied Health Professionals', 'Surgery', '2010-11-14');
INSERT INTO public.headcount_snapshots (year, staff_ref, ethnic_code, wres_group, band, staff_group, directorate, start_date) VALUES ('2026-27', '10401443', 'CA', 'White', 'Band 6', 'Administrative and Clerical', 'Corporate', '2017-04-25');


--
-- Data for Name: identity_user_claims; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_user_claims (id, user_id, claim_type, claim_value) VALUES (1, 'adm1', 'fixture', 'kept through the upgrade');


--
-- Data for Name: identity_user_logins; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_user_logins (login_provider, provider_key, provider_display_name, user_id) VALUES ('Fixture', 'subject-lm1', 'Fixture provider', 'lm1');


--
-- Data for Name: identity_user_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_user_tokens (user_id, login_provider, name, value) VALUES ('lm1', '[AspNetUserStore]', 'AuthenticatorKey', 'FIXTUREKEY');


--
-- Data for Name: identity_users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.identity_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count) VALUES ('lm1', 'lm1', 'LM1', 'lm1@trust.example', 'LM1@TRUST.EXAMPLE', true, 'AQAAAAIAAYagAAAAEIa7/l8g6ckXYPjx589l84jv1vkhsCLlywuVgYc5eueoK/4EWpGHmerC6iaV8jKAHA==', '63A03155F0244F798AB6F64E47D6EFEF', '0680fb80-891f-4dc7-8476-fc19c629aff3', NULL, false, false, NULL, true, 1);
INSERT INTO public.identity_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count) VALUES ('adm1', 'adm1', 'ADM1', 'adm1@trust.example', 'ADM1@TRUST.EXAMPLE', true, 'AQAAAAIAAYagAAAAEBewYeqIvf/ydenFwCnhQASYQDwtqiEuGEc1oMy4YS0jT9zYQbs22omyBQQ0UrWlow==', 'ECD83B8F808C44FDBDF97FAF35FE5912', '5f4d18e7-1813-49f4-a708-c4a6a781af5f', NULL, false, false, NULL, true, 0);


--
-- Data for Name: staff; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400000', 'Amelia Clarke', 'A', 'White', 'Band 9', 'Nursing and Midwifery Registered', 'Medicine', '2004-01-01', NULL, '');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400037', 'Oliver Hughes', 'A', 'White', 'Band 8a', 'Additional Clinical Services', 'Medicine', '2011-06-12', '10400000', '10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400074', 'Priya Patel', 'A', 'White', 'Band 8a', 'Allied Health Professionals', 'Surgery', '2018-11-23', '10400000', '10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400111', 'Kwame Mensah', 'C3', 'White', 'Band 8a', 'Administrative and Clerical', 'Corporate', '2005-04-07', '10400000', '10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400148', 'Siobhan O''Neill', 'CA', 'White', 'Band 6', 'Nursing and Midwifery Registered', 'Surgery', '2012-09-18', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400185', 'Tomasz Kowalski', 'H', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2019-02-02', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400222', 'Aisha Rahman', 'N', 'Bme', 'Band 3', 'Nursing and Midwifery Registered', 'Medicine', '2006-07-13', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400259', 'Liam Walsh', 'Z', 'NotStated', 'Band 4', 'Additional Clinical Services', 'Medicine', '2013-12-24', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400296', 'Chen Li', 'B', 'White', 'Band 5', 'Allied Health Professionals', 'Surgery', '2020-05-08', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400333', 'Grace Okafor', 'CP', 'White', 'Band 6', 'Administrative and Clerical', 'Corporate', '2007-10-19', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400370', 'Mohammed Hussain', 'J', 'Bme', 'Band 2', 'Nursing and Midwifery Registered', 'Surgery', '2014-03-03', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400407', 'Hannah Price', 'NA', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2021-08-14', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400444', 'Adebayo Adeyemi', 'A', 'White', 'Band 4', 'Nursing and Midwifery Registered', 'Medicine', '2008-01-25', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400481', 'Sofia Rossi', 'C2', 'White', 'Band 5', 'Additional Clinical Services', 'Medicine', '2015-06-09', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400518', 'Ravi Sharma', 'K', 'Bme', 'Band 6', 'Allied Health Professionals', 'Surgery', '2022-11-20', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400555', 'Emily Turner', 'M9', 'Bme', 'Band 2', 'Administrative and Clerical', 'Corporate', '2009-04-04', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400592', 'Daniel Evans', '99', 'NotStated', 'Band 3', 'Nursing and Midwifery Registered', 'Surgery', '2016-09-15', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400629', 'Fatima Begum', 'A1', 'White', 'Consultant', 'Medical and Dental', 'Medicine', '2023-02-26', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400666', 'Jack Murphy', 'D', 'Bme', 'Band 5', 'Nursing and Midwifery Registered', 'Medicine', '2010-07-10', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400703', 'Nadia Ali', 'LF', 'Bme', 'Band 6', 'Additional Clinical Services', 'Medicine', '2017-12-21', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400740', 'Samuel Boateng', 'PC', 'Bme', 'Band 2', 'Allied Health Professionals', 'Surgery', '2004-05-05', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400777', 'Olivia Wright', 'A', 'White', 'Band 3', 'Administrative and Clerical', 'Corporate', '2011-10-16', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400814', 'Imran Khan', 'E', 'Bme', 'Band 4', 'Nursing and Midwifery Registered', 'Surgery', '2018-03-27', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400851', 'Zara Ahmed', 'M', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2005-08-11', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400888', 'George Bell', 'R', 'Bme', 'Band 6', 'Nursing and Midwifery Registered', 'Medicine', '2012-01-22', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400925', 'Chloe Morgan', '', 'NotStated', 'Band 2', 'Additional Clinical Services', 'Medicine', '2019-06-06', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400962', 'Kofi Owusu', 'F', 'Bme', 'Band 3', 'Allied Health Professionals', 'Surgery', '2006-11-17', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10400999', 'Isla Fraser', 'GC', 'Bme', 'Band 4', 'Administrative and Clerical', 'Corporate', '2013-04-01', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401036', 'Arjun Nair', 'S', 'Bme', 'Band 5', 'Nursing and Midwifery Registered', 'Surgery', '2020-09-12', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401073', 'Megan Davies', 'SC', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2007-02-23', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401110', 'Wei Zhang', 'SE', 'Bme', 'Band 2', 'Nursing and Midwifery Registered', 'Medicine', '2014-07-07', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401147', 'Ruth Cohen', 'A', 'White', 'Band 3', 'Additional Clinical Services', 'Medicine', '2021-12-18', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401184', 'Hassan Mahmood', 'A', 'White', 'Band 4', 'Allied Health Professionals', 'Surgery', '2008-05-02', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401221', 'Lucy Baker', 'C3', 'White', 'Band 5', 'Administrative and Clerical', 'Corporate', '2015-10-13', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401258', 'Tendai Moyo', 'H', 'Bme', 'Band 6', 'Nursing and Midwifery Registered', 'Surgery', '2022-03-24', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401295', 'Ewan Reid', 'N', 'Bme', 'Consultant', 'Medical and Dental', 'Medicine', '2009-08-08', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401332', 'Bushra Iqbal', 'CP', 'White', 'Band 3', 'Nursing and Midwifery Registered', 'Medicine', '2016-01-19', '10400037', '10400037/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401369', 'Niamh Byrne', 'J', 'Bme', 'Band 4', 'Additional Clinical Services', 'Medicine', '2023-06-03', '10400074', '10400074/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401406', 'Marek Nowak', 'Z', 'NotStated', 'Band 5', 'Allied Health Professionals', 'Surgery', '2010-11-14', '10400111', '10400111/10400000');
INSERT INTO public.staff (staff_ref, name, ethnic_code, wres_group, band, staff_group, directorate, start_date, line_manager_ref, manager_chain) VALUES ('10401443', 'Joy Afolabi', 'CA', 'White', 'Band 6', 'Administrative and Clerical', 'Corporate', '2017-04-25', '10400037', '10400037/10400000');


--
-- Data for Name: workflow_instances; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.workflow_instances (id, correlation_id, definition_id, definition_version, definition_sha256, status, variables_json, created_at_utc, updated_at_utc, version) VALUES ('f5c321e3-50d6-4152-99e9-88445c7080ab', '4b056507-5c15-4dd5-b278-5fbfff311a24', 'just-culture-triage', 1, '5e4ab6520dba4c426fbbe2964e8b84ebb5a2e1ab08a427fa71abebf8238811b3', 'Suspended', '{}', '2026-12-01 18:34:23.006029+00', '2026-12-01 18:34:23.006029+00', 1);
INSERT INTO public.workflow_instances (id, correlation_id, definition_id, definition_version, definition_sha256, status, variables_json, created_at_utc, updated_at_utc, version) VALUES ('d002f585-d1df-42bd-a23c-c2097f9932f3', '2bfe661f-81be-444e-b911-39056e320f6a', 'just-culture-triage', 1, '5e4ab6520dba4c426fbbe2964e8b84ebb5a2e1ab08a427fa71abebf8238811b3', 'Suspended', '{}', '2026-12-01 18:34:27.718743+00', '2026-12-01 18:34:27.718743+00', 1);
INSERT INTO public.workflow_instances (id, correlation_id, definition_id, definition_version, definition_sha256, status, variables_json, created_at_utc, updated_at_utc, version) VALUES ('3959c8fa-3c27-4c4d-922c-e505ad1cf5b6', '4b056507-5c15-4dd5-b278-5fbfff311a24', 'just-culture-triage', 1, '5e4ab6520dba4c426fbbe2964e8b84ebb5a2e1ab08a427fa71abebf8238811b3', 'Suspended', '{}', '2026-12-01 18:34:23.006029+00', '2026-12-01 18:34:42.810062+00', 2);


--
-- Data for Name: wres_history; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: decision_log_queue_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.decision_log_queue_position_seq', 12, true);


--
-- Name: identity_user_claims_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identity_user_claims_id_seq', 1, true);


--
-- Name: __EFMigrationsHistory PK___EFMigrationsHistory; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId");


--
-- Name: __identity_migrations PK___identity_migrations; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.__identity_migrations
    ADD CONSTRAINT "PK___identity_migrations" PRIMARY KEY ("MigrationId");


--
-- Name: app_users PK_app_users; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_users
    ADD CONSTRAINT "PK_app_users" PRIMARY KEY (user_id);


--
-- Name: bookmarks PK_bookmarks; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookmarks
    ADD CONSTRAINT "PK_bookmarks" PRIMARY KEY (id);


--
-- Name: case_data_keys PK_case_data_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_data_keys
    ADD CONSTRAINT "PK_case_data_keys" PRIMARY KEY (concern_id);


--
-- Name: checklist_drafts PK_checklist_drafts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checklist_drafts
    ADD CONSTRAINT "PK_checklist_drafts" PRIMARY KEY (workflow_instance_id, user_id);


--
-- Name: concern_actions PK_concern_actions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concern_actions
    ADD CONSTRAINT "PK_concern_actions" PRIMARY KEY (id);


--
-- Name: concerns PK_concerns; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concerns
    ADD CONSTRAINT "PK_concerns" PRIMARY KEY (id);


--
-- Name: decision_log PK_decision_log; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decision_log
    ADD CONSTRAINT "PK_decision_log" PRIMARY KEY (entry_id);


--
-- Name: decision_log_leaves PK_decision_log_leaves; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decision_log_leaves
    ADD CONSTRAINT "PK_decision_log_leaves" PRIMARY KEY (sequence);


--
-- Name: decision_log_queue PK_decision_log_queue; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decision_log_queue
    ADD CONSTRAINT "PK_decision_log_queue" PRIMARY KEY ("position");


--
-- Name: decision_log_tree_heads PK_decision_log_tree_heads; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decision_log_tree_heads
    ADD CONSTRAINT "PK_decision_log_tree_heads" PRIMARY KEY (tree_size);


--
-- Name: headcount_snapshot_archive PK_headcount_snapshot_archive; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.headcount_snapshot_archive
    ADD CONSTRAINT "PK_headcount_snapshot_archive" PRIMARY KEY (snapshot_id, staff_ref);


--
-- Name: headcount_snapshot_history PK_headcount_snapshot_history; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.headcount_snapshot_history
    ADD CONSTRAINT "PK_headcount_snapshot_history" PRIMARY KEY (id);


--
-- Name: headcount_snapshots PK_headcount_snapshots; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.headcount_snapshots
    ADD CONSTRAINT "PK_headcount_snapshots" PRIMARY KEY (year, staff_ref);


--
-- Name: identity_user_claims PK_identity_user_claims; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_user_claims
    ADD CONSTRAINT "PK_identity_user_claims" PRIMARY KEY (id);


--
-- Name: identity_user_logins PK_identity_user_logins; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_user_logins
    ADD CONSTRAINT "PK_identity_user_logins" PRIMARY KEY (login_provider, provider_key);


--
-- Name: identity_user_tokens PK_identity_user_tokens; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_user_tokens
    ADD CONSTRAINT "PK_identity_user_tokens" PRIMARY KEY (user_id, login_provider, name);


--
-- Name: identity_users PK_identity_users; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_users
    ADD CONSTRAINT "PK_identity_users" PRIMARY KEY (id);


--
-- Name: staff PK_staff; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff
    ADD CONSTRAINT "PK_staff" PRIMARY KEY (staff_ref);


--
-- Name: workflow_instances PK_workflow_instances; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workflow_instances
    ADD CONSTRAINT "PK_workflow_instances" PRIMARY KEY (id);


--
-- Name: wres_history PK_wres_history; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.wres_history
    ADD CONSTRAINT "PK_wres_history" PRIMARY KEY (year, wres_group);


--
-- Name: EmailIndex; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EmailIndex" ON public.identity_users USING btree (normalized_email);


--
-- Name: IX_app_users_staff_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_app_users_staff_ref" ON public.app_users USING btree (staff_ref);


--
-- Name: IX_bookmarks_correlation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_bookmarks_correlation_id" ON public.bookmarks USING btree (correlation_id);


--
-- Name: IX_bookmarks_role; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_bookmarks_role" ON public.bookmarks USING btree (role);


--
-- Name: IX_bookmarks_workflow_instance_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_bookmarks_workflow_instance_id" ON public.bookmarks USING btree (workflow_instance_id);


--
-- Name: IX_concern_actions_concern_id_ordinal; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_concern_actions_concern_id_ordinal" ON public.concern_actions USING btree (concern_id, ordinal);


--
-- Name: IX_concern_actions_workflow_instance_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_concern_actions_workflow_instance_id" ON public.concern_actions USING btree (workflow_instance_id);


--
-- Name: IX_concerns_raised_by_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_concerns_raised_by_user_id" ON public.concerns USING btree (raised_by_user_id);


--
-- Name: IX_concerns_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_concerns_status" ON public.concerns USING btree (status);


--
-- Name: IX_concerns_subject_staff_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_concerns_subject_staff_ref" ON public.concerns USING btree (subject_staff_ref);


--
-- Name: IX_decision_log_concern_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_decision_log_concern_id" ON public.decision_log USING btree (concern_id);


--
-- Name: IX_decision_log_event_type_occurred_at_utc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_decision_log_event_type_occurred_at_utc" ON public.decision_log USING btree (event_type, occurred_at_utc);


--
-- Name: IX_decision_log_leaves_entry_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_decision_log_leaves_entry_id" ON public.decision_log_leaves USING btree (entry_id);


--
-- Name: IX_decision_log_queue_entry_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_decision_log_queue_entry_id" ON public.decision_log_queue USING btree (entry_id);


--
-- Name: IX_headcount_snapshot_history_year; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_headcount_snapshot_history_year" ON public.headcount_snapshot_history USING btree (year);


--
-- Name: IX_identity_user_claims_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_identity_user_claims_user_id" ON public.identity_user_claims USING btree (user_id);


--
-- Name: IX_identity_user_logins_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_identity_user_logins_user_id" ON public.identity_user_logins USING btree (user_id);


--
-- Name: IX_staff_line_manager_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_staff_line_manager_ref" ON public.staff USING btree (line_manager_ref);


--
-- Name: IX_workflow_instances_correlation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_workflow_instances_correlation_id" ON public.workflow_instances USING btree (correlation_id);


--
-- Name: UserNameIndex; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "UserNameIndex" ON public.identity_users USING btree (normalized_user_name);


--
-- Name: case_data_keys case_data_keys_erase_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_data_keys_erase_only BEFORE UPDATE ON public.case_data_keys FOR EACH ROW EXECUTE FUNCTION public.case_data_keys_erase_only();


--
-- Name: case_data_keys case_data_keys_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_data_keys_no_delete BEFORE DELETE ON public.case_data_keys FOR EACH ROW EXECUTE FUNCTION public.case_data_keys_refuse_delete();


--
-- Name: case_data_keys case_data_keys_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_data_keys_no_truncate BEFORE TRUNCATE ON public.case_data_keys FOR EACH STATEMENT EXECUTE FUNCTION public.case_data_keys_refuse_delete();


--
-- Name: decision_log decision_log_enqueue; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_enqueue AFTER INSERT ON public.decision_log FOR EACH ROW EXECUTE FUNCTION public.decision_log_enqueue();


--
-- Name: decision_log_leaves decision_log_leaves_in_order; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_leaves_in_order BEFORE INSERT ON public.decision_log_leaves FOR EACH ROW EXECUTE FUNCTION public.decision_log_leaves_in_order();


--
-- Name: decision_log_leaves decision_log_leaves_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_leaves_no_truncate BEFORE TRUNCATE ON public.decision_log_leaves FOR EACH STATEMENT EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: decision_log_leaves decision_log_leaves_no_update_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_leaves_no_update_delete BEFORE DELETE OR UPDATE ON public.decision_log_leaves FOR EACH ROW EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: decision_log decision_log_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON public.decision_log FOR EACH STATEMENT EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: decision_log decision_log_no_update_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_no_update_delete BEFORE DELETE OR UPDATE ON public.decision_log FOR EACH ROW EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: decision_log_queue decision_log_queue_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_queue_no_update BEFORE UPDATE ON public.decision_log_queue FOR EACH ROW EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: decision_log_tree_heads decision_log_tree_heads_match_leaves; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_tree_heads_match_leaves BEFORE INSERT ON public.decision_log_tree_heads FOR EACH ROW EXECUTE FUNCTION public.decision_log_tree_heads_match_leaves();


--
-- Name: decision_log_tree_heads decision_log_tree_heads_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_tree_heads_no_truncate BEFORE TRUNCATE ON public.decision_log_tree_heads FOR EACH STATEMENT EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: decision_log_tree_heads decision_log_tree_heads_no_update_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER decision_log_tree_heads_no_update_delete BEFORE DELETE OR UPDATE ON public.decision_log_tree_heads FOR EACH ROW EXECUTE FUNCTION public.decision_log_refuse_change();


--
-- Name: bookmarks FK_bookmarks_workflow_instances_workflow_instance_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookmarks
    ADD CONSTRAINT "FK_bookmarks_workflow_instances_workflow_instance_id" FOREIGN KEY (workflow_instance_id) REFERENCES public.workflow_instances(id) ON DELETE CASCADE;


--
-- Name: checklist_drafts FK_checklist_drafts_workflow_instances_workflow_instance_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.checklist_drafts
    ADD CONSTRAINT "FK_checklist_drafts_workflow_instances_workflow_instance_id" FOREIGN KEY (workflow_instance_id) REFERENCES public.workflow_instances(id) ON DELETE CASCADE;


--
-- Name: concern_actions FK_concern_actions_concerns_concern_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concern_actions
    ADD CONSTRAINT "FK_concern_actions_concerns_concern_id" FOREIGN KEY (concern_id) REFERENCES public.concerns(id) ON DELETE RESTRICT;


--
-- Name: decision_log_leaves FK_decision_log_leaves_decision_log_entry_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decision_log_leaves
    ADD CONSTRAINT "FK_decision_log_leaves_decision_log_entry_id" FOREIGN KEY (entry_id) REFERENCES public.decision_log(entry_id) ON DELETE RESTRICT;


--
-- Name: decision_log_queue FK_decision_log_queue_decision_log_entry_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decision_log_queue
    ADD CONSTRAINT "FK_decision_log_queue_decision_log_entry_id" FOREIGN KEY (entry_id) REFERENCES public.decision_log(entry_id) ON DELETE RESTRICT;


--
-- Name: identity_user_claims FK_identity_user_claims_identity_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_user_claims
    ADD CONSTRAINT "FK_identity_user_claims_identity_users_user_id" FOREIGN KEY (user_id) REFERENCES public.identity_users(id) ON DELETE CASCADE;


--
-- Name: identity_user_logins FK_identity_user_logins_identity_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_user_logins
    ADD CONSTRAINT "FK_identity_user_logins_identity_users_user_id" FOREIGN KEY (user_id) REFERENCES public.identity_users(id) ON DELETE CASCADE;


--
-- Name: identity_user_tokens FK_identity_user_tokens_identity_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_user_tokens
    ADD CONSTRAINT "FK_identity_user_tokens_identity_users_user_id" FOREIGN KEY (user_id) REFERENCES public.identity_users(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict CcsquCZd3HvMXZMWIDccmM5Tc5azYJX1f4AFWl3IJ2Nb5Blf1ElVQqSoG26f6Xh

