/* pn-application.c: to be written */
