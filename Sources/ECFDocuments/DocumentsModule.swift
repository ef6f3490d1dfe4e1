// Document inspection and storage (qpdf, poppler) arrive with e-filing.
