-- Edition codes are the licensing catalogue's data: the service checks custom sections' editions and
-- main pages against the catalogue (an edition whose custom section limit is 0, self-service, takes
-- none), so the codes written into constraints here go.
ALTER TABLE main_pages DROP CONSTRAINT main_pages_edition_check;
DO $$
DECLARE
    self_service_check text;
BEGIN
    SELECT conname INTO STRICT self_service_check FROM pg_constraint
     WHERE conrelid = 'section_definitions'::regclass AND contype = 'c'
       AND pg_get_constraintdef(oid) LIKE '%self-service%';
    EXECUTE format('ALTER TABLE section_definitions DROP CONSTRAINT %I', self_service_check);
END $$;
