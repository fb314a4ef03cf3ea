module github.com/kiemphieu/kiemphieu

go 1.24

require (
	github.com/google/go-cmp v0.7.0
	pgregory.net/rapid v1.3.0
)

require github.com/shopspring/decimal v1.6.0
