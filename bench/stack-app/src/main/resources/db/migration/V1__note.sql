create table if not exists stack_app_note (id bigserial primary key, text varchar(200) not null);
