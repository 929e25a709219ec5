-- Stored spreadsheets are kept as they came: an .xlsx is compressed already, and compressing a
-- CSV's chunks (pglz) cost more time than any other step of storing a million-row upload.
ALTER TABLE "stored_file_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
