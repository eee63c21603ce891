-- Push formats are plug-ins (push.input.PushFormat); their names (SDMX_CSV, DHIS2_JSON, ...) may be longer than 10 characters.
alter table value_push alter column format type varchar(20);
