// A library preloaded into a PDF tool (qpdf, pdftotext) to make it a fork server: nothing to
// call from here. See ToolForkServer.c.
#ifndef ECF_TOOL_SERVER_H
#define ECF_TOOL_SERVER_H
#endif
