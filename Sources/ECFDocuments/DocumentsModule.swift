// ECFDocuments
