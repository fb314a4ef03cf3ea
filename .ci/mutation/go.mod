module kiemphieu.invalid/mutation

go 1.24
