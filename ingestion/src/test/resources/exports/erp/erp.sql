-- ignored by the mapping
CREATE TABLE orders (order_no text primary key);
