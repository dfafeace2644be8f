-- fact_chat_message: one row per archived WeCom message between a rep and customer contacts, with
-- who sent it (rep or customer), the rep and the customer party of the conversation.
WITH reps AS (SELECT rep_id, wecom_userid FROM silver_crm_reps WHERE wecom_userid IS NOT NULL),
rep_userids AS (SELECT collect_set(wecom_userid) AS ids FROM reps),
messages AS (
  SELECT m.*, from_json(m.tolist, 'array<string>') AS recipients,
         get_json_object(m.text, '$.content') AS text_content
  FROM silver_chat_messages m
),
parties AS (
  SELECT m.*,
         sender.rep_id AS sender_rep_id,
         -- The customer side: the sender when a customer wrote, else the first customer addressed.
         CASE WHEN sender.rep_id IS NULL THEN m.from_id
              ELSE try_element_at(filter(m.recipients, u -> NOT array_contains(ids.ids, u)), 1)
         END AS customer_userid,
         CASE WHEN sender.rep_id IS NULL THEN
              try_element_at(filter(m.recipients, u -> array_contains(ids.ids, u)), 1)
         END AS recipient_rep_userid
  FROM messages m
  CROSS JOIN rep_userids ids
  LEFT JOIN reps sender ON sender.wecom_userid = m.from_id
)
SELECT p.msgid,
       cast(date_format(p.msgtime, 'yyyyMM') AS int) AS month_key,
       cast(date_format(p.msgtime, 'yyyyMMdd') AS int) AS date_key,
       substring_index(p.msgid, '_', 1) AS conversation_id,
       coalesce(p.roomid, '') <> '' AS is_group_chat,
       p.msgtime AS sent_at,
       p.msgtype,
       CASE WHEN p.sender_rep_id IS NOT NULL THEN 'rep' ELSE 'customer' END AS sender_role,
       coalesce(p.sender_rep_id, rr.rep_id) AS rep_id,
       p.customer_userid AS external_userid,
       x.unified_customer_id,
       p.text_content,
       char_length(p.text_content) AS text_chars
FROM parties p
LEFT JOIN reps rr ON rr.wecom_userid = p.recipient_rep_userid
LEFT JOIN silver_customer_crosswalk x ON x.source = 'chat' AND x.record_id = p.customer_userid
