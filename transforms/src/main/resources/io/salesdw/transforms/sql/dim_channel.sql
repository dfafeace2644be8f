-- dim_channel: one row per lead channel, with its first-touch service level.
SELECT channel_id, channel_name, first_touch_sla_minutes FROM silver_crm_channels
