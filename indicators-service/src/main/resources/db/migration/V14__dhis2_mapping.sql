-- DHIS2 mappings (data element + category option combo -> indicator, sex, dimensions; org unit -> unit), kept
-- as one JSON document per mapping: they are read whole by a push or an export and edited whole by an admin.
create table dhis2_mapping (
    code        varchar(40)   primary key,
    name        varchar(200)  not null,
    data_set    varchar(50),
    document    text          not null,
    version     bigint        not null,
    updated_by  varchar(200)  not null,
    updated_at  timestamptz   not null
);
create index dhis2_mapping_data_set on dhis2_mapping (data_set);
