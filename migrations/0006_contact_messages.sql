-- Messages sent through the public forms (contact, report an error, become a partner), kept for
-- the coordinators. Only what the sender typed is stored: no IP address, no tracking.
CREATE TABLE contact_message (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('contact', 'error_report', 'partner_application')),
  name text NOT NULL,
  email text NOT NULL,
  organisation text,
  website text,
  subject text,
  message text NOT NULL,
  project_id integer REFERENCES project (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'answered', 'spam')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_message_status_idx ON contact_message (status, created_at DESC);
