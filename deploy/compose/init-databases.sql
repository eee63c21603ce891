-- Creates the three GEMS databases on the first start of the compose PostgreSQL container.
-- Mounted into /docker-entrypoint-initdb.d by deploy/docker-compose.yml; the postgres image runs it
-- once, as POSTGRES_USER, only while the data volume is still empty.
-- Each service owns exactly one database and creates its own tables with Flyway at start-up.
CREATE DATABASE gems_plans;
CREATE DATABASE gems_indicators;
CREATE DATABASE gems_reporting;
