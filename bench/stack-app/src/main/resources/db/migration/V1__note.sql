create table if not exists stack_app_note (id bigint primary key, text varchar(200));
create sequence if not exists stack_app_note_seq increment by 50;
